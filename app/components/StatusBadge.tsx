import { useTranslation } from "~/i18n/react";
import type { INITIATIVE_STATUSES, RELATION_STATUSES } from "~db/enums";
import { Badge } from "./Page";

type Tone = Parameters<typeof Badge>[0]["tone"];

const RELATION_TONES: Record<(typeof RELATION_STATUSES)[number], Tone> = {
  proposed: "amber",
  signed: "sky",
  active: "green",
  suspended: "stone",
  ended: "red",
};

const INITIATIVE_TONES: Record<(typeof INITIATIVE_STATUSES)[number], Tone> = {
  proposed: "amber",
  agreed: "sky",
  in_progress: "sky",
  done: "green",
  stalled: "stone",
  dropped: "red",
};

export function RelationStatusBadge({ status }: { status: (typeof RELATION_STATUSES)[number] }) {
  const { t } = useTranslation();
  return <Badge tone={RELATION_TONES[status]}>{t(`relation.statuses.${status}`)}</Badge>;
}

export function InitiativeStatusBadge({ status }: { status: (typeof INITIATIVE_STATUSES)[number] }) {
  const { t } = useTranslation();
  return <Badge tone={INITIATIVE_TONES[status]}>{t(`initiative.statuses.${status}`)}</Badge>;
}
