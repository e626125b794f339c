import { describe, expect, it } from "vitest";
import { clientAddress, throttleNetwork } from "./client-address";

const headersOf = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("client address", () => {
  it("ignores X-Forwarded-For when no proxy is trusted", () => {
    expect(clientAddress(headersOf({ "x-psc-peer-address": "10.0.0.7", "x-forwarded-for": "1.2.3.4" }), 0)).toBe("10.0.0.7");
  });

  it("takes the address the outermost trusted proxy saw", () => {
    const headers = headersOf({ "x-psc-peer-address": "10.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.9" });
    expect(clientAddress(headers, 1)).toBe("203.0.113.9");
    // A client that prepends forged addresses cannot move what the proxy appended.
    expect(clientAddress(headersOf({ "x-psc-peer-address": "10.0.0.1", "x-forwarded-for": "1.1.1.1, 2.2.2.2, 203.0.113.9" }), 1)).toBe(
      "203.0.113.9",
    );
  });

  it("falls back to the peer when the chain is shorter than declared", () => {
    expect(clientAddress(headersOf({ "x-psc-peer-address": "10.0.0.1" }), 2)).toBe("10.0.0.1");
  });
});

describe("the network a client is throttled under", () => {
  it.each([
    // IPv4: the address itself.
    ["203.0.113.9", "203.0.113.9"],
    ["127.0.0.1", "127.0.0.1"],
    // IPv4-mapped IPv6 (a dual-stack server's view of an IPv4 client): the IPv4 address.
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["::FFFF:203.0.113.9", "203.0.113.9"],
    ["::ffff:cb00:7109", "203.0.113.9"],
    ["0:0:0:0:0:ffff:203.0.113.9", "203.0.113.9"],
    // IPv6: its /64, whatever the interface part and however it is written.
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::dead:beef", "2001:db8:1:2::/64"],
    ["2001:0DB8:0001:0002:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"],
    ["[2001:db8:1:2::1]", "2001:db8:1:2::/64"],
    ["fe80::1%eth0", "fe80:0:0:0::/64"],
    ["2001:db8::", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["2001:db8:1:2::ffff:1.2.3.4", "2001:db8:1:2::/64"],
    // Not an address: kept as it is.
    ["inconnue", "inconnue"],
    ["1.2.3.256", "1.2.3.256"],
    ["2001:db8:::1", "2001:db8:::1"],
    ["1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8:9"],
  ])("%s → %s", (address, network) => {
    expect(throttleNetwork(address)).toBe(network);
  });

  it("puts every address of one /64 under one key, and neighbouring /64s under others", () => {
    const inOne = ["2001:db8:aa:1::1", "2001:db8:aa:1:ffff:ffff:ffff:fffe", "2001:db8:aa:1:1234:5678:9abc:def0"];
    expect(new Set(inOne.map(throttleNetwork)).size).toBe(1);
    expect(throttleNetwork("2001:db8:aa:2::1")).not.toBe(throttleNetwork("2001:db8:aa:1::1"));
    expect(throttleNetwork("::ffff:10.0.0.1")).toBe(throttleNetwork("10.0.0.1"));
  });
});
