import { describe, expect, it } from "vitest";
import { calendarUid, feedPagePath, feedPath, meetingCalendarPath, tagUri } from "./feeds";

describe("feed and calendar addresses", () => {
  it("each feed sits next to its page", () => {
    expect(feedPath({ kind: "plan" })).toBe("/flux.atom");
    expect(feedPagePath({ kind: "plan" })).toBe("/");
    expect(feedPath({ kind: "theme", slug: "gouvernance" })).toBe("/thematiques/gouvernance/flux.atom");
    expect(feedPath({ kind: "action", slug: "maison-des-associations" })).toBe("/fiches/maison-des-associations/flux.atom");
    expect(feedPagePath({ kind: "council", slug: "conseil-1" })).toBe("/conseils/conseil-1");
    expect(feedPath({ kind: "council", slug: "conseil-1" })).toBe("/conseils/conseil-1/flux.atom");
    expect(meetingCalendarPath("restitution-2026")).toBe("/reunions/restitution-2026/calendrier.ics");
  });

  it("ids are RFC 4151 tag: URIs and RFC 5545 UIDs on the site's host name, whatever its port and scheme", () => {
    expect(tagUri("https://social.aurillac.fr", "contribution-42")).toBe("tag:social.aurillac.fr,2026:contribution-42");
    expect(tagUri("http://127.0.0.1:3400", "flux")).toBe("tag:127.0.0.1,2026:flux");
    expect(tagUri("http://localhost:3000", "reponse-7")).toMatch(/^tag:[a-z0-9.-]+,\d{4}:[\w/.-]+$/);
    expect(calendarUid("https://social.aurillac.fr", "reunion-3")).toBe("reunion-3@social.aurillac.fr");
  });
});
