/**
 * @module
 * Checks of a feed definition against this instance's records, which the file alone cannot show: the
 * audience's sharing group must be known here and have members (else the feed would be decided by
 * nothing and is not served), and an org audience should be a known, remote organisation.
 */
import { type AccessContext, audienceMembers } from "../access/mod.ts";
import { error, type Issue, type Org, warning } from "../model/mod.ts";
import type { FeedDefinition } from "./feed_definition.ts";

/** The instance records a definition is checked against; a `RecordRegistry` fits. */
export interface FeedCheckContext extends AccessContext {
  /** Organisations known to this instance, by uuid; omitted = not checked. */
  readonly orgs?: ReadonlyMap<string, Org>;
}

/** Issues of `definition` against `context`; an error means the feed must not be served. */
export function checkFeedDefinition(
  definition: FeedDefinition,
  context: FeedCheckContext,
): Issue[] {
  const issues: Issue[] = [];
  const audience = definition.audience;
  if (audience.kind === "sharing-group") {
    const group = context.sharingGroups.get(audience.sharingGroup);
    if (group === undefined) {
      issues.push(
        error(
          "feed.audience.sharing_group.unknown",
          "audience.sharingGroup",
          `Sharing group ${audience.sharingGroup} is not in the data folder's sharing-groups/ (or is invalid there); its members are unknown, so the feed is not served`,
        ),
      );
    } else if (audienceMembers(audience.sharingGroup, context) === undefined) {
      issues.push(
        error(
          "feed.audience.sharing_group.empty",
          "audience.sharingGroup",
          `Sharing group ${audience.sharingGroup} ("${
            group.name ?? ""
          }") lists no member organisation by uuid; the feed would have no readers and is not served`,
        ),
      );
    }
  }
  if (audience.kind === "org") {
    if (context.hostOrg !== undefined && audience.org === context.hostOrg) {
      issues.push(
        warning(
          "feed.audience.host_org",
          "audience.org",
          `Organisation ${audience.org} is this instance's own; as an "org" audience it gets only what another organisation would. Use "internal" for everything`,
        ),
      );
    } else if (context.orgs !== undefined && !context.orgs.has(audience.org)) {
      issues.push(
        warning(
          "feed.audience.org.unknown",
          "audience.org",
          `Organisation ${audience.org} is not in the data folder's orgs/`,
        ),
      );
    }
  }
  return issues;
}
