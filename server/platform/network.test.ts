import { describe, expect, it } from "vitest";
import { clientAddressKey, isLoopbackAddress, isLoopbackHost, isProxyAddress } from "./network.js";

describe("network addresses", () => {
  it("knows the machine's own addresses, however written", () => {
    for (const address of [
      "127.0.0.1",
      "127.8.9.10",
      "::1",
      "0:0:0:0:0:0:0:1",
      "::ffff:127.0.0.1",
      "::FFFF:127.1.2.3",
    ]) {
      expect(isLoopbackAddress(address), address).toBe(true);
    }
    for (const address of ["10.0.0.1", "128.0.0.1", "::", "::2", "::ffff:10.0.0.1", "fe80::1", "", undefined]) {
      expect(isLoopbackAddress(address), String(address)).toBe(false);
    }
    expect(isLoopbackHost("127.0.0.1")).toBe(true);
    expect(isLoopbackHost("localhost")).toBe(true);
    expect(isLoopbackHost("[::1]")).toBe(true);
    expect(isLoopbackHost("0.0.0.0")).toBe(false);
    expect(isLoopbackHost("::")).toBe(false);
    expect(isLoopbackHost("192.168.1.10")).toBe(false);
  });

  it("counts an IPv6 client by its /64 network and an IPv4 one by its address", () => {
    expect(clientAddressKey("203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressKey("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(clientAddressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:db8:1:2:ffff:ffff:ffff:fffe")).toBe("2001:db8:1:2::/64");
    expect(clientAddressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
  });

  it("accepts IP addresses, CIDR ranges and range names as proxy addresses", () => {
    for (const entry of ["10.0.0.5", "10.0.0.0/8", "::1", "fd00::/8", "loopback", "uniquelocal"]) {
      expect(isProxyAddress(entry), entry).toBe(true);
    }
    for (const entry of ["true", "10.0.0.0/33", "::/129", "10.0.0/8", "proxy.example", "10.0.0.1/8/8", ""]) {
      expect(isProxyAddress(entry), entry).toBe(false);
    }
  });
});
