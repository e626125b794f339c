import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headersOf = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("client address", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(headersOf({ "x-psc-peer-address": "10.0.0.7", "x-forwarded-for": "1.2.3.4" }), 0)).toBe("10.0.0.7");
  });

  it("takes the address the outermost trusted proxy saw", () => {
    const headers = headersOf({ "x-psc-peer-address": "10.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    // A client that prepends forged addresses cannot move what the proxy appended.
    expect(clientAddress(headersOf({ "x-psc-peer-address": "10.0.0.1", "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.9" }), 1)).toBe("203.0.113.9");
  });

  it("falls back to the peer when the chain is shorter than declared", () => {
    expect(clientAddress(headersOf({ "x-psc-peer-address": "10.0.0.1" }), 2)).toBe("10.0.0.1");
  });
});
