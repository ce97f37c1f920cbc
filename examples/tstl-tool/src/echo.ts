/**
 * A line-echo tool written in TypeScript for TypeScriptToLua: it serves TCP
 * on `port` and answers every message with "echo: <message>". The same file
 * runs as TypeScript against renoise-sim and, compiled by tstl, as Lua in
 * renoise-sim's Lua VM (spec/tstl/tstl-tool-runs-as-ts-and-lua.spec.ts).
 */
export function start(port: number): string | undefined {
  const [server, err] = renoise.Socket.create_server(port, renoise.Socket.PROTOCOL_TCP);
  if (server === undefined) return err;
  let count = 0;
  // A table notifier: Renoise calls its functions without self, as the declarations say (this: void).
  server.run({
    socket_accepted: (client) => {
      client.send("hello " + client.peer_address + "\n");
    },
    socket_message: (client, message) => {
      count = count + 1;
      if (client.is_open) client.send("echo " + count + ": " + message);
    },
  });
  return undefined;
}
