import { expect, type Page } from "@playwright/test";
import pg from "pg";

export const PASSWORD = "yipan-demo";
export const USERS = {
  hq: "hq@yipan.dev",
  merch: "merch@yipan.dev",
  store: "store@yipan.dev",
  partner: "partner@yipan.dev",
} as const;

export async function login(page: Page, email: string, password = PASSWORD) {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(email);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/dashboard$/);
}

/** Full-page screenshot for people to look at, with the pointer off the charts (no tooltip). */
export async function snapshot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  await page.screenshot({ path: `test-results/screenshots/${name}.png`, fullPage: true });
}

/** The e2e server's database, for computing expected numbers independently of the app. */
export async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.E2E_DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

export async function navSections(page: Page): Promise<string[]> {
  return page.getByTestId("main-nav").locator("a[data-section]").evaluateAll((links) =>
    links.map((a) => a.getAttribute("data-section") ?? ""),
  );
}

/** Reads a KPI like "1,234,567" as a number. */
export async function kpi(page: Page, id: string): Promise<number> {
  const text = await page.getByTestId(`${id}-value`).innerText();
  return Number(text.replace(/[^\d.-]/g, ""));
}
