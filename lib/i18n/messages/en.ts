// English catalog: the source of message keys. zh-CN.ts must define every key (checked by the compiler).
// Each area keeps its messages in <area>.en.ts / <area>.zh-CN.ts, spread in here.
import { auditEn } from "./audit.en";
import { channelsEn } from "./channels.en";
import { intakeEn } from "./intake.en";
import { inventoryEn } from "./inventory.en";
import { ordersEn } from "./orders.en";
import { replenishmentEn } from "./replenishment.en";
import { routingEn } from "./routing.en";
import { transfersEn } from "./transfers.en";

const core = {
  "app.name": "Yipan",
  "app.tagline": "One inventory for every channel",
  "lang.label": "Language",
  "lang.en": "English",
  "lang.zh-CN": "中文",

  "nav.dashboard": "Dashboard",
  "nav.inventory": "Inventory",
  "nav.channels": "Channels",
  "nav.routing": "Routing",
  "nav.orders": "Orders",
  "nav.transfers": "Transfers",
  "nav.replenishment": "Replenishment",
  "nav.brands": "Brands",
  "nav.audit": "Audit",
  "nav.settings": "Settings",
  "nav.signOut": "Sign out",
  "nav.main": "Main navigation",

  "role.HQ_ADMIN": "HQ admin",
  "role.MERCHANDISER": "Merchandiser",
  "role.STORE_MANAGER": "Store manager",
  "role.BRAND_PARTNER": "Brand partner",

  "login.title": "Sign in to Yipan",
  "login.email": "Email",
  "login.password": "Password",
  "login.submit": "Sign in",
  "login.submitting": "Signing in…",
  "login.error.invalid": "Wrong email or password.",
  "login.error.throttled": "Too many failed attempts. Try again in {seconds} s.",
  "login.error.generic": "Sign-in failed. Please try again.",
  "login.demoHint": "Demo password for every role: {password}",

  "scope.network": "Whole network",
  "scope.brand": "Brand: {name}",
  "scope.location": "Location: {name}",

  "dashboard.title": "Network dashboard",
  "dashboard.title.brand": "{name} across the network",
  "dashboard.title.location": "{name} dashboard",
  "dashboard.subtitle": "Stock across every warehouse, DC and store, as of {time}",
  "dashboard.kpi.onHand": "On hand",
  "dashboard.kpi.reserved": "Reserved",
  "dashboard.kpi.atp": "Available to promise",
  "dashboard.kpi.stockOuts": "Stock-outs",
  "dashboard.kpi.belowSafety": "Below safety",
  "dashboard.kpi.stockOutsHint": "location × SKU with nothing unreserved",
  "dashboard.kpi.belowSafetyHint": "unreserved stock under safety level",
  "dashboard.kpi.units": "{count} units",
  "dashboard.refresh": "Refresh",
  "dashboard.age.title": "Inventory age",
  "dashboard.age.hint": "Units on hand by days since their lot was received (FIFO)",
  "dashboard.age.bucket": "{range} days",
  "dashboard.age.units": "Units",
  "dashboard.byType": "Stock by location type",
  "dashboard.byRegion": "Stock by region",
  "dashboard.series.atp": "ATP",
  "dashboard.series.reserved": "Reserved",
  "dashboard.series.held": "Held as safety",
  "dashboard.atRisk": "Top 10 SKUs at risk",
  "dashboard.atRiskHint": "Lowest days of cover at the last 28 days' sales rate",
  "dashboard.col.sku": "SKU",
  "dashboard.col.brand": "Brand",
  "dashboard.col.poolAtp": "Pool ATP",
  "dashboard.col.perDay": "Sold / day",
  "dashboard.col.cover": "Days of cover",
  "dashboard.col.stockOutLocations": "Locations out",
  "dashboard.empty": "No stock yet. Load the demo data with npm run seed.",
  "dashboard.noRisk": "No SKU with recent sales is at risk.",

  "locationType.WAREHOUSE": "Warehouse",
  "locationType.DC": "Regional DC",
  "locationType.STORE": "Store",
  "region.EAST": "East",
  "region.NORTH": "North",
  "region.SOUTH": "South",
  "region.CENTRAL": "Central",
  "region.SOUTHWEST": "Southwest",
  "region.NORTHWEST": "Northwest",
  "region.NORTHEAST": "Northeast",

  "placeholder.title": "{section} is on its way",
  "placeholder.body": "This part of Yipan is not built yet. It is planned in the issue tracker: {issue}.",

  "notFound.title": "Page not found",
  "notFound.body": "This page does not exist, or your role cannot open it.",
  "notFound.back": "Back to the dashboard",
  "loading": "Loading…",
} as const;

export const en = { ...core, ...inventoryEn, ...intakeEn, ...auditEn, ...channelsEn, ...routingEn, ...ordersEn, ...replenishmentEn, ...transfersEn } as const;

export type MessageKey = keyof typeof en;
