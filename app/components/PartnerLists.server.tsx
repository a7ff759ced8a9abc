import type { Language } from "~/i18n/config";
import type { PartnerLists } from "~/models/pages.server";
import { drawMarkup } from "./DrawnMarkup.server";
import { PartnerDelegationsAndInitiatives, PartnerMeetings, PartnerPeopleAndOrganisations } from "./PartnerLists";
import { PartnerRelations } from "./PartnerRelations";
import { Timeline } from "./Timeline";

/** A partner page's lists as markup, one piece for each place on the page they go. */
export function drawPartnerLists(lng: Language, partnerId: number, lists: PartnerLists) {
  const relations = (canEdit: boolean) =>
    drawMarkup(lng, <PartnerRelations partnerId={partnerId} relations={lists.relations} canEdit={canEdit} />);
  return {
    // The relations' links to edit them are for editors: drawn for them and for the others.
    relations: { editor: relations(true), reader: relations(false) },
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
