import { describe, expect, it } from "vitest";
import { notModified } from "./not-modified";

const etag = '"abc123"';
const changed = new Date("2026-11-29T10:15:30.750Z");

describe("conditional GET", () => {
  it("matches If-None-Match against the ETag, weak or in a list, or *", () => {
    expect(notModified(new Headers({ "if-none-match": '"abc123"' }), etag, changed)).toBe(true);
    expect(notModified(new Headers({ "if-none-match": 'W/"abc123"' }), etag, changed)).toBe(true);
    expect(notModified(new Headers({ "if-none-match": '"zzz", "abc123"' }), etag, changed)).toBe(true);
    expect(notModified(new Headers({ "if-none-match": "*" }), etag, changed)).toBe(true);
    expect(notModified(new Headers({ "if-none-match": '"abc1234"' }), etag, changed)).toBe(false);
    expect(notModified(new Headers({ "if-none-match": "abc123" }), etag, changed)).toBe(false);
  });

  it("ignores If-Modified-Since when If-None-Match is there", () => {
    const headers = new Headers({ "if-none-match": '"other"', "if-modified-since": "Sun, 29 Nov 2026 12:00:00 GMT" });
    expect(notModified(headers, etag, changed)).toBe(false);
  });

  it("compares If-Modified-Since to the second, and refuses a malformed date", () => {
    expect(notModified(new Headers({ "if-modified-since": changed.toUTCString() }), etag, changed)).toBe(true);
    expect(notModified(new Headers({ "if-modified-since": "Sun, 29 Nov 2026 10:15:29 GMT" }), etag, changed)).toBe(false);
    expect(notModified(new Headers({ "if-modified-since": "hier" }), etag, changed)).toBe(false);
    expect(notModified(new Headers(), etag, changed)).toBe(false);
  });
});
