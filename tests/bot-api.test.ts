import { HttpError } from "grammy";
import { HttpsProxyAgent } from "https-proxy-agent";
import { SocksProxyAgent } from "socks-proxy-agent";
import { describe, expect, it } from "vitest";
import { POLL_SECONDS, apiHost, clientOptions, describeFailure, proxyAgent } from "../src/bot/api.js";

describe("reaching the Bot API", () => {
  it("tunnels through an HTTP(S) proxy by CONNECT and through a SOCKS proxy by SOCKS", () => {
    expect(proxyAgent("http://127.0.0.1:3128")).toBeInstanceOf(HttpsProxyAgent);
    expect(proxyAgent("https://proxy.example:443")).toBeInstanceOf(HttpsProxyAgent);
    expect(proxyAgent("socks5://127.0.0.1:1080")).toBeInstanceOf(SocksProxyAgent);
  });

  it("gives grammY the proxy agent, and a client timeout a long poll fits in", () => {
    const options = clientOptions({ apiRoot: "http://127.0.0.1:9000", proxy: "socks5://127.0.0.1:1080", timeoutSeconds: 15 });
    expect(options.apiRoot).toBe("http://127.0.0.1:9000");
    expect((options.baseFetchConfig as { agent?: unknown }).agent).toBeInstanceOf(SocksProxyAgent);
    expect(options.timeoutSeconds).toBeGreaterThan(POLL_SECONDS);
    expect(clientOptions({ timeoutSeconds: 15 }).baseFetchConfig).toBeUndefined();
    expect(apiHost(undefined)).toBe("api.telegram.org");
  });

  it("describes a network failure without the token in the request URL", () => {
    const token = "123456789:AAH-secret-token-value-1234567";
    const cause = new Error(`request to https://api.telegram.org/bot${token}/sendMessage failed, reason: socket hang up`);
    const line = describeFailure(new HttpError("Network request for 'sendMessage' failed!", cause));
    expect(line).toContain("/bot<token>/sendMessage failed, reason: socket hang up");
    expect(line).not.toContain(token);
  });
});
