import type { Metadata } from "next";
import { InventoryGrid, type SearchParams } from "../grid-view";

export const metadata: Metadata = { title: "Inventory" };

export default function InventoryPage({ searchParams }: { searchParams: SearchParams }) {
  return <InventoryGrid searchParams={searchParams} base="/inventory" />;
}
