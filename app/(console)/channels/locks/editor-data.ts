import "server-only";
import type { EditorChannel } from "@/components/channels/lock-editor";
import { timeZoneChoices } from "@/lib/channels/zoned-time";
import { allBrands, allCategories } from "@/lib/server/catalog";
import { listChannels } from "@/lib/server/channels/channels";

/** The lock editor's choices: channels, brands, categories and time zones (the server's list, so pages agree). */
export async function editorOptions() {
  const [channels, brands, categories] = await Promise.all([listChannels(), allBrands(), allCategories()]);
  return {
    channels: channels.map((c): EditorChannel => ({ id: c.id, code: c.code, name: c.name, active: c.active })),
    brands: brands.map((b) => ({ id: b.id, name: b.name })),
    categories,
    timeZones: timeZoneChoices(),
  };
}
