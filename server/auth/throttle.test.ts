import { describe, expect, it } from "vitest";
import { addressKey } from "./throttle";

describe("the per-address throttle key", () => {
  it("counts an IPv6 client by its /64 and an IPv4-mapped client as IPv4", () => {
    expect(addressKey("2001:db8:5:6::1")).toBe(addressKey("2001:db8:5:6:a:b:c:d"));
    expect(addressKey("2001:db8:5:6::1")).not.toBe(addressKey("2001:db8:5:7::1"));
    expect(addressKey("::ffff:192.0.2.10")).toBe(addressKey("192.0.2.10"));
    expect(addressKey("192.0.2.10")).not.toBe(addressKey("192.0.2.11"));
  });
});
