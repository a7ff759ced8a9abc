import type { Language } from "~/i18n/config";
import type { PartnerLists } from "~/models/pages.server";
import { drawMarkup } from "./DrawnMarkup.server";
import { PartnerDelegationsAndInitiatives, PartnerMeetings, PartnerPeopleAndOrganisations } from "./PartnerLists";
import { Timeline } from "./Timeline";

/** A partner page's lists as markup, one piece for each place on the page they go. */
export function drawPartnerLists(lng: Language, partnerId: number, lists: PartnerLists) {
  return {
    meetings: drawMarkup(lng, <PartnerMeetings partnerId={partnerId} meetings={lists.meetings} />),
    delegationsAndInitiatives: drawMarkup(
      lng,
      <PartnerDelegationsAndInitiatives
        partnerId={partnerId}
        delegations={lists.delegations}
        initiatives={lists.initiatives}
      />,
    ),
    peopleAndOrganisations: drawMarkup(
      lng,
      <PartnerPeopleAndOrganisations people={lists.people} organisations={lists.organisations} />,
    ),
    timeline: drawMarkup(
      lng,
      <Timeline groups={lists.timeline.groups} view={lists.timeline.view} path={`/partners/${partnerId}`} />,
    ),
  };
}
