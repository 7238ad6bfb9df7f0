import type { Metadata } from "next";
import { InventoryGrid, type SearchParams } from "../grid-view";

export const metadata: Metadata = { title: "Inventory" };

/** The grid without a loading boundary, for browsers without JavaScript (see ../grid-view.tsx). */
export default function PlainInventoryPage({ searchParams }: { searchParams: SearchParams }) {
  return <InventoryGrid searchParams={searchParams} base="/inventory/plain" />;
}
