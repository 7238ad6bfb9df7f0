import { auditZhCN } from "./audit.zh-CN";
import { channelsZhCN } from "./channels.zh-CN";
import type { MessageKey } from "./en";
import { intakeZhCN } from "./intake.zh-CN";
import { inventoryZhCN } from "./inventory.zh-CN";
import { ordersZhCN } from "./orders.zh-CN";
import { replenishmentZhCN } from "./replenishment.zh-CN";
import { routingZhCN } from "./routing.zh-CN";
import { transfersZhCN } from "./transfers.zh-CN";

const core = {
  "app.name": "一盘",
  "app.tagline": "全渠道一盘货",
  "lang.label": "语言",
  "lang.en": "English",
  "lang.zh-CN": "中文",

  "nav.dashboard": "总览",
  "nav.inventory": "库存",
  "nav.channels": "渠道",
  "nav.routing": "订单路由",
  "nav.orders": "订单",
  "nav.transfers": "调拨",
  "nav.replenishment": "补货",
  "nav.brands": "品牌",
  "nav.audit": "审计",
  "nav.settings": "设置",
  "nav.signOut": "退出登录",
  "nav.main": "主导航",

  "role.HQ_ADMIN": "总部管理员",
  "role.MERCHANDISER": "商品运营",
  "role.STORE_MANAGER": "门店店长",
  "role.BRAND_PARTNER": "品牌方",

  "login.title": "登录一盘",
  "login.email": "邮箱",
  "login.password": "密码",
  "login.submit": "登录",
  "login.submitting": "正在登录…",
  "login.error.invalid": "邮箱或密码错误。",
  "login.error.throttled": "失败次数过多，请 {seconds} 秒后再试。",
  "login.error.generic": "登录失败，请重试。",
  "login.demoHint": "所有演示角色的密码：{password}",

  "scope.network": "全网",
  "scope.brand": "品牌：{name}",
  "scope.location": "门店：{name}",

  "dashboard.title": "全网库存总览",
  "dashboard.title.brand": "{name} 全网库存",
  "dashboard.title.location": "{name} 库存总览",
  "dashboard.subtitle": "所有仓库、区域仓与门店的库存，截至 {time}",
  "dashboard.kpi.onHand": "在库",
  "dashboard.kpi.reserved": "已预占",
  "dashboard.kpi.atp": "可承诺量 (ATP)",
  "dashboard.kpi.stockOuts": "缺货",
  "dashboard.kpi.belowSafety": "低于安全库存",
  "dashboard.kpi.stockOutsHint": "无未预占库存的门店 × SKU",
  "dashboard.kpi.belowSafetyHint": "未预占库存低于安全库存",
  "dashboard.kpi.units": "{count} 件",
  "dashboard.refresh": "刷新",
  "dashboard.age.title": "库龄",
  "dashboard.age.hint": "按批次入库天数统计的在库件数（先进先出）",
  "dashboard.age.bucket": "{range} 天",
  "dashboard.age.units": "件数",
  "dashboard.byType": "按仓点类型",
  "dashboard.byRegion": "按大区",
  "dashboard.series.atp": "可承诺",
  "dashboard.series.reserved": "已预占",
  "dashboard.series.held": "安全库存占用",
  "dashboard.atRisk": "缺货风险 Top 10 SKU",
  "dashboard.atRiskHint": "按近 28 天销速计算的可售天数最低",
  "dashboard.col.sku": "SKU",
  "dashboard.col.brand": "品牌",
  "dashboard.col.poolAtp": "全网 ATP",
  "dashboard.col.perDay": "日均销量",
  "dashboard.col.cover": "可售天数",
  "dashboard.col.stockOutLocations": "缺货仓点",
  "dashboard.empty": "还没有库存数据。运行 npm run seed 载入演示数据。",
  "dashboard.noRisk": "近期有销量的 SKU 暂无缺货风险。",

  "locationType.WAREHOUSE": "全国仓",
  "locationType.DC": "区域仓",
  "locationType.STORE": "门店",
  "region.EAST": "华东",
  "region.NORTH": "华北",
  "region.SOUTH": "华南",
  "region.CENTRAL": "华中",
  "region.SOUTHWEST": "西南",
  "region.NORTHWEST": "西北",
  "region.NORTHEAST": "东北",

  "placeholder.title": "{section}即将上线",
  "placeholder.body": "这一部分尚未构建，计划见问题清单：{issue}。",

  "notFound.title": "页面不存在",
  "notFound.body": "该页面不存在，或您的角色无权访问。",
  "notFound.back": "返回总览",
  "loading": "加载中…",
};

export const zhCN: Record<MessageKey, string> = { ...core, ...inventoryZhCN, ...intakeZhCN, ...auditZhCN, ...channelsZhCN, ...routingZhCN, ...ordersZhCN, ...replenishmentZhCN, ...transfersZhCN };
