"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { assignStrategyAction } from "@/app/(console)/routing/actions";
import { TableHead } from "../table-head";
import { useI18n } from "../i18n-provider";
import { type Said, said } from "./said";

export type AssignableChannel = { id: number; code: string; name: string; active: boolean; strategyId: number | null };
export type AssignableStrategy = { id: number; code: string; name: string; live: boolean };

/** Which strategy each channel routes by: a select per channel ("default" = the default strategy) and Assign. */
export function ChannelAssignments({ channels, strategies, defaultCode }: { channels: AssignableChannel[]; strategies: AssignableStrategy[]; defaultCode: string }) {
  const { t } = useI18n();
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="channel-assignments">
        <TableHead gap={3} columns={[{ label: t("routing.assign.channel") }, { label: t("routing.assign.strategy") }, { key: "actions" }]} />
        <tbody>
          {channels.map((c) => (
            <AssignmentRow key={c.id} channel={c} strategies={strategies} defaultCode={defaultCode} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function AssignmentRow({ channel, strategies, defaultCode }: { channel: AssignableChannel; strategies: AssignableStrategy[]; defaultCode: string }) {
  const { t } = useI18n();
  const router = useRouter();
  const current = channel.strategyId === null ? "" : String(channel.strategyId);
  const [value, setValue] = useState(current);
  const [message, setMessage] = useState<({ tone: "ok" | "error" } & Said) | null>(null);
  const [pending, start] = useTransition();

  function assign() {
    start(async () => {
      try {
        const r = await assignStrategyAction({ channelId: channel.id, strategyId: value === "" ? null : Number(value) });
        if (!r.ok) return setMessage({ tone: "error", text: r.error });
        setMessage({ tone: "ok", key: "routing.assign.saved" });
        router.refresh();
      } catch {
        setMessage({ tone: "error", key: "routing.failed" });
      }
    });
  }

  return (
    <tr className="border-b border-slate-100 last:border-0" data-channel={channel.code}>
      <td className="py-2 pr-3">
        <span className="font-mono text-xs font-medium">{channel.code}</span> <span className={channel.active ? "text-slate-600" : "text-slate-400"}>{channel.name}</span>
      </td>
      <td className="py-2 pr-3">
        <select
          aria-label={t("routing.assign.label", { channel: channel.code })}
          className="block w-72 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            setMessage(null);
          }}
        >
          <option value="">{t("routing.assign.default", { code: defaultCode })}</option>
          {strategies.map((s) => (
            <option key={s.id} value={String(s.id)} disabled={!s.live}>
              {s.code} · {s.name}
              {s.live ? "" : ` (${t("routing.assign.notLive")})`}
            </option>
          ))}
        </select>
      </td>
      <td className="py-2 text-right whitespace-nowrap">
        {message && (
          <span role={message.tone === "error" ? "alert" : "status"} className={`mr-3 text-xs ${message.tone === "ok" ? "text-green-700" : "text-red-600"}`}>
            {said(t, message)}
          </span>
        )}
        <button
          type="button"
          disabled={pending || value === current}
          onClick={assign}
          className="rounded-md border border-brand-600 bg-white px-3 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50 disabled:border-slate-200 disabled:text-slate-400 disabled:hover:bg-white"
        >
          {pending ? t("routing.assign.saving") : t("routing.assign.assign")}
        </button>
      </td>
    </tr>
  );
}
