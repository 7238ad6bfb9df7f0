import type { Metadata } from "next";
import { Breadcrumb } from "@/components/breadcrumb";
import { notFound } from "next/navigation";
import { randomUUID } from "node:crypto";
import { OrderForm } from "@/components/orders/order-form";
import { businessDay } from "@/lib/orders-ui/format";
import { newOrderNo } from "@/lib/orders-ui/order-form";
import { serverTranslator } from "@/lib/server/i18n";
import { placementOptions } from "@/lib/server/orders/queries";
import { requireSection } from "@/lib/server/permissions";
import { CITIES } from "@/prisma/seed/cities";

export const metadata: Metadata = { title: "New order" };

// Cities for the destination picker, most retail first (the seed's weights), with city-centre coordinates.
const CITY_OPTIONS = [...CITIES]
  .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name))
  .map((c) => ({ code: c.code, name: c.name, nameZh: c.nameZh, province: c.province, provinceZh: c.provinceZh, lat: c.latitude, lng: c.longitude }));

/** HQ places an order as a channel would (same intake as POST /api/v1/orders). */
export default async function NewOrderPage() {
  const { scope } = await requireSection("orders");
  if (scope.kind !== "network") notFound();
  const [{ t }, options] = await Promise.all([serverTranslator(), placementOptions()]);

  return (
    <div className="max-w-5xl space-y-6">
      <div>
        <Breadcrumb label={t("orders.breadcrumb")} href="/orders" parent={t("orders.title")} current={t("orders.new")} code={false} />
        <h1 className="mt-1 text-2xl font-semibold">{t("orders.form.title")}</h1>
        <p className="text-sm text-slate-500">{t("orders.form.subtitle")}</p>
      </div>
      {options.channels.length === 0 ? (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800">{t("orders.form.noChannels")}</p>
      ) : (
        <OrderForm
          channels={options.channels}
          stores={options.stores}
          cities={CITY_OPTIONS}
          orderNo={newOrderNo(businessDay(new Date()))}
          idempotencyKey={randomUUID()}
        />
      )}
    </div>
  );
}
