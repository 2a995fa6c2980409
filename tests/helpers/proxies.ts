/** Small proxies on 127.0.0.1 for tests: each records the host:port of every tunnel it opens. */
import { createServer as createHttpServer } from "node:http";
import { connect, createServer as createNetServer, type AddressInfo, type Server, type Socket } from "node:net";

export interface TestProxy {
  url: string;
  /** host:port of every tunnel, in order. */
  tunnels: string[];
  close: () => Promise<void>;
}

/** Opens the tunnel: connects to host:port, tells the client with `established`, then pipes both ways. */
function tunnel(client: Socket, target: string, tunnels: string[], established: string | Buffer, head: Buffer = Buffer.alloc(0)): void {
  tunnels.push(target);
  const at = target.lastIndexOf(":");
  const upstream = connect(Number(target.slice(at + 1)), target.slice(0, at), () => {
    client.write(established);
    upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  upstream.on("error", () => client.destroy());
  client.on("error", () => upstream.destroy());
}

async function listen(server: Server, scheme: string, tunnels: string[]): Promise<TestProxy> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    tunnels,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** An HTTP proxy that tunnels by CONNECT (what https-proxy-agent speaks). */
export function connectProxy(): Promise<TestProxy> {
  const tunnels: string[] = [];
  const server = createHttpServer((_req, res) => res.writeHead(405).end());
  server.on("connect", (req, client: Socket, head: Buffer) => tunnel(client, req.url!, tunnels, "HTTP/1.1 200 Connection Established\r\n\r\n", head));
  return listen(server, "http", tunnels);
}

/** A SOCKS5 proxy: no authentication, CONNECT only. */
export function socksProxy(): Promise<TestProxy> {
  const tunnels: string[] = [];
  const server = createNetServer((client) => {
    client.once("data", () => {
      client.write(Buffer.from([5, 0])); // version 5, no authentication
      client.once("data", (request) => {
        // VER CMD RSV ATYP ADDR PORT; ATYP 1 = IPv4, 3 = domain name.
        const host = request[3] === 1 ? [...request.subarray(4, 8)].join(".") : request.subarray(5, 5 + request[4]!).toString();
        const reply = Buffer.from([5, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
        tunnel(client, `${host}:${request.readUInt16BE(request.length - 2)}`, tunnels, reply);
      });
    });
  });
  return listen(server, "socks5", tunnels);
}
