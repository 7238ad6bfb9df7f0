import { expect, test } from "@playwright/test";
import { login, navSections, USERS } from "./helpers";

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("heading", { name: "Sign in to Yipan" })).toBeVisible();
});

test("a wrong password shows a clear error and keeps the visitor out", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel(/email/i).fill(USERS.merch);
  await page.getByLabel(/password/i).fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("login-error")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login/);
});

const expectedNav = {
  hq: ["dashboard", "inventory", "channels", "routing", "orders", "transfers", "replenishment", "brands", "audit", "settings"],
  merch: ["dashboard", "inventory", "channels", "routing", "orders", "transfers", "replenishment", "brands", "audit"],
  store: ["dashboard", "inventory", "orders", "transfers", "replenishment"],
  partner: ["dashboard", "inventory", "transfers", "brands"],
} as const;

for (const [who, sections] of Object.entries(expectedNav)) {
  test(`${who} logs in and sees the navigation of their role`, async ({ page }) => {
    await login(page, USERS[who as keyof typeof USERS]);
    expect(await navSections(page)).toEqual(sections);
    await expect(page.getByTestId("kpi-on-hand")).toBeVisible();
  });
}

test("a section not built yet says so plainly", async ({ page }) => {
  await login(page, USERS.hq);
  await page.getByTestId("main-nav").getByRole("link", { name: "Brands" }).click();
  await expect(page.getByTestId("placeholder-title")).toHaveText("Brands is on its way");
});

test("signing out ends the session", async ({ page }) => {
  await login(page, USERS.store);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/dashboard");
  await expect(page).toHaveURL(/\/login/);
});
