/**
 * Every trace event kind and the fields it may carry: the source of
 * docs/trace.md (`npm run docs:trace`). A spec scans src/ for the kinds the
 * code records and checks each is listed here, and checks recorded events
 * against the fields listed, so this table and the reference cannot drift
 * from the code. Add a kind here when you add one to the code.
 */

/** What one field means (fields shared by many kinds are described once). */
export const TRACE_FIELDS: Readonly<Record<string, string>> = {
  seq: "Position of the event in the trace, from 1.",
  t: "Virtual time of the event in ms.",
  kind: "The event kind (this table).",
  host: 'The host where the event was observed; `"sim"` for faults and conditions.',
  conn: "TCP connection number, from 1 in the order connections are opened.",
  from: "Sending endpoint, `address:port`.",
  to: "Receiving endpoint, `address:port` (for `client.create`: the address as the tool gave it).",
  bytes: "Payload length in bytes.",
  data: "The payload, escaped (`\\n`, `\\xNN`, …) and cut with `…` past the trace's `payloadLimit` (default 4096 bytes).",
  hash: "FNV-1a 32-bit hash of the whole payload, 8 hex digits.",
  send: "Index of the send on its connection and direction, from 0.",
  pieces: "Sizes of the TCP segments a send was cut into, `4+4`.",
  into: "The earlier send a merged send joined.",
  why: "Why the connection ended or a fault was skipped, in words.",
  at: "`tcp.*-arrived`, `tcp.timeout`: the local endpoint; `fault`: the virtual time it is set for.",
  peer: "The remote endpoint `address:port`; in scenario events the peer's number.",
  packet: "Packet type: `syn`, `data`, `fin`, `rst`, `udp`, ….",
  id: "Packet number, unique within the simulation.",
  proto: "`tcp` or `udp`.",
  reason: "Why a packet was dropped, delayed or held (a condition or fault rule name).",
  ms: "Extra delay in ms.",
  copy: "Packet number of the duplicate.",
  attempt: "Retransmission attempt, from 1.",
  attempts: "Retransmissions made before giving up.",
  server: 'The server socket, `"tcp 0.0.0.0:8000"`.',
  socket: 'The client socket, `"tcp 192.168.1.10:49152->10.0.0.2:80"`.',
  address: "IPv4 address (of the host added, or the address a server was asked to bind).",
  port: "Port number.",
  error: "The error string returned to the tool, or the error raised.",
  waited: "Virtual ms the call blocked.",
  mode: 'Receive mode: `"*line"`, `"*all"` or a byte count.',
  timeout: "Timeout in ms the call was given.",
  callback: "Notifier callback: `socket_accepted`, `socket_message` or `socket_error`.",
  handled: "Whether the notifier defines that callback.",
  total: "Bytes queued for one callback after a merge.",
  reset: "Whether the peer reset (true) or closed (false) the connection.",
  condition: "Network condition: `latency`, `bandwidth`, `udp`, `tcp`, ….",
  link: 'The link it applies to, `"a<->b"` or `"*"`.',
  what: "The setting, in words.",
  fault: "Fault: `partition`, `hold`, `reset`, `crash`, `server-error`, ….",
  action: "`on`, `off`, `fire` or `skip`.",
  target: "The host or `host:port` a fault targets.",
  side: "Which end of the connection a fault acted on.",
  when: "`condition` when a fault fires on a predicate rather than at a time.",
  kept: "Bytes of a cut send that were delivered.",
  discarded: "Bytes of a cut send that were thrown away.",
  rule: "Fault rule number.",
  text: "The text printed or shown.",
  title: "Prompt title.",
  buttons: "Prompt buttons, comma-separated.",
  answer: "The button chosen.",
  scripted: "Whether the answer came from the scripted `prompts` list.",
  name: "Tool name, or the menu entry / keybinding / MIDI mapping name.",
  result: "What the invoked function returned, when a string.",
  main: "The Lua file run first (`main.lua`).",
  tool: "Tool id (from manifest.xml).",
  closedSockets: "Sockets the unload closed.",
  names: "Preference names the tool never declared.",
  timer: "Timer number.",
  interval: "Timer interval in ms.",
  late: "How many ms late the timer fired (the GUI thread was blocked).",
  step: "The scenario step, summarised.",
  got: "What the peer received instead.",
  note: "A note in words.",
};

/** One event kind. */
export interface TraceKind {
  /** What it records. */
  about: string;
  /** Fields beyond `seq`, `t`, `kind` and `host`; optional ones end in `?`. */
  fields: readonly string[];
}

/** Every kind, by area (`area.verb`). */
export const TRACE_KINDS: Readonly<Record<string, TraceKind>> = {
  // Simulation
  "host.add": { about: "A host joined the network.", fields: ["address"] },
  timer: { about: "A tool timer fired.", fields: ["timer", "interval?", "late?"] },
  // renoise.Socket: servers
  "server.create": { about: "`create_server` returned (a server, or an error string).", fields: ["server?", "proto?", "address?", "port?", "error?"] },
  "server.run": { about: "`server:run(notifier)`.", fields: ["server"] },
  "server.stop": { about: "`server:stop()`.", fields: ["server"] },
  "server.close": { about: "`server:close()`.", fields: ["server"] },
  "server.wait": { about: "`server:wait(timeout)` began.", fields: ["server", "timeout"] },
  "server.error": { about: "A server failed; its `socket_error` is called.", fields: ["server", "error"] },
  "server.vanish": { about: "A server disappeared with its host (crash).", fields: ["server"] },
  callback: { about: "A notifier callback ran (or was skipped: `handled=false`).", fields: ["server", "callback", "handled", "peer?", "error?", "bytes?", "data?", "hash?"] },
  "callback.dropped": { about: "A queued callback was discarded (server stopped or closed first).", fields: ["server", "callback", "peer", "bytes?", "data?", "hash?"] },
  "callback.error": { about: "A notifier callback raised.", fields: ["callback", "error"] },
  "message.merge": { about: "Bytes arrived while a `socket_message` was queued and joined it.", fields: ["server", "peer", "bytes", "total"] },
  "connection.close": { about: "The tool closed a server-side connection.", fields: ["socket"] },
  "connection.peer-gone": { about: "The peer of a server-side connection closed or reset it (no callback, R24).", fields: ["server", "peer", "reset"] },
  // renoise.Socket: clients
  "client.create": { about: "`create_client` returned (a client, or an error string).", fields: ["socket?", "proto?", "to?", "waited?", "error?"] },
  "client.send": { about: "`client:send` failed.", fields: ["socket", "bytes", "error"] },
  "client.receive": { about: "`client:receive` returned.", fields: ["socket", "mode", "timeout", "waited", "error?", "bytes?", "data?", "hash?"] },
  "client.close": { about: "`client:close()`.", fields: ["socket"] },
  // TCP
  "tcp.connect": { about: "A TCP handshake began.", fields: ["conn", "from", "to"] },
  "tcp.accept": { about: "A listening server accepted a connection.", fields: ["conn", "from", "to"] },
  "tcp.established": { about: "The connecting side saw the handshake complete.", fields: ["conn", "from", "to"] },
  "tcp.refuse": { about: "No server listens: the connection is refused.", fields: ["conn", "from", "to"] },
  "tcp.refused": { about: "The connecting side got the refusal.", fields: ["conn", "from", "to"] },
  "tcp.send": { about: "Bytes were sent on a connection.", fields: ["conn", "from", "to", "send", "bytes", "data", "hash"] },
  "tcp.split": { about: "A send was cut into several segments (fault or condition).", fields: ["conn", "from", "send", "pieces"] },
  "tcp.merge": { about: "A send was joined to an earlier one (fault or condition).", fields: ["conn", "from", "send", "into"] },
  "tcp.deliver": { about: "A segment reached the other end.", fields: ["conn", "from", "to", "bytes", "data", "hash"] },
  "tcp.close": { about: "One end closed its side.", fields: ["conn", "from", "to", "why?"] },
  "tcp.reset": { about: "One end reset the connection.", fields: ["conn", "from", "to", "why?"] },
  "tcp.vanish": { about: "One end disappeared without a word (crash).", fields: ["conn", "from", "to"] },
  "tcp.fin-arrived": { about: "The peer's close reached this end.", fields: ["conn", "at", "peer"] },
  "tcp.reset-arrived": { about: "The peer's reset reached this end.", fields: ["conn", "at", "peer"] },
  "tcp.timeout": { about: "A connection timed out (retransmissions gave up).", fields: ["conn", "at", "peer"] },
  "tcp.retransmit": { about: "A lost TCP packet was sent again.", fields: ["conn", "from", "to", "packet", "id", "proto", "attempt", "bytes?"] },
  "tcp.give-up": { about: "Retransmission of a packet stopped.", fields: ["conn", "from", "to", "packet", "id", "proto", "attempts", "bytes"] },
  "tcp.stale": { about: "A packet arrived for a connection that no longer exists.", fields: ["conn", "from", "to", "packet", "id", "proto", "reason", "bytes"] },
  // UDP
  "udp.send": { about: "A datagram was sent.", fields: ["from", "to", "bytes", "data", "hash"] },
  "udp.deliver": { about: "A datagram arrived.", fields: ["from", "to", "bytes", "data", "hash"] },
  // Packets, conditions, faults
  drop: { about: "A packet was lost (condition, fault or nobody listening).", fields: ["from", "to", "packet", "proto", "reason", "conn?", "bytes?", "data?", "hash?"] },
  "packet.delay": { about: "A packet was delayed beyond the latency.", fields: ["from", "to", "packet", "id", "proto", "reason", "ms", "bytes", "conn?"] },
  "packet.duplicate": { about: "A datagram was duplicated.", fields: ["from", "to", "packet", "id", "proto", "copy", "bytes"] },
  "packet.hold": { about: "A packet was held by a fault rule.", fields: ["from", "to", "packet", "id", "proto", "reason", "conn", "bytes?"] },
  "packet.release": { about: "A held packet was released.", fields: ["from", "to", "packet", "id", "proto", "conn", "bytes?"] },
  condition: { about: "A network condition was set or restored.", fields: ["condition", "link", "what"] },
  fault: {
    about: "A fault was installed, fired, skipped or removed.",
    fields: ["fault", "action", "at?", "conn?", "side?", "target?", "what?", "when?", "why?", "error?", "kept?", "discarded?", "rule?"],
  },
  // Lua tools
  "tool.load": { about: "A Lua tool was loaded.", fields: ["tool", "name", "main"] },
  "tool.load.error": { about: "Loading a Lua tool failed.", fields: ["tool", "error"] },
  "tool.unload": { about: "A Lua tool was unloaded.", fields: ["tool", "closedSockets"] },
  "tool.menu.add": { about: "The tool added a menu entry.", fields: ["name"] },
  "tool.menu.remove": { about: "The tool removed a menu entry.", fields: ["name"] },
  "tool.menu.invoke": { about: "A menu entry was invoked.", fields: ["name", "result"] },
  "tool.keybinding.add": { about: "The tool added a keybinding.", fields: ["name"] },
  "tool.keybinding.remove": { about: "The tool removed a keybinding.", fields: ["name"] },
  "tool.keybinding.invoke": { about: "A keybinding was invoked.", fields: ["name", "result"] },
  "tool.midi_mapping.add": { about: "The tool added a MIDI mapping.", fields: ["name"] },
  "tool.midi_mapping.remove": { about: "The tool removed a MIDI mapping.", fields: ["name"] },
  "tool.midi_mapping.invoke": { about: "A MIDI mapping was invoked.", fields: ["name", "result"] },
  "tool.preferences.unknown": { about: "Preferences named settings the tool never declared.", fields: ["names"] },
  "lua.print": { about: "The tool printed a line.", fields: ["text"] },
  "app.message": { about: "`renoise.app():show_message`.", fields: ["text"] },
  "app.error": { about: "`renoise.app():show_error`.", fields: ["text"] },
  "app.warning": { about: "`renoise.app():show_warning`.", fields: ["text"] },
  "app.status": { about: "`renoise.app():show_status`.", fields: ["text"] },
  "app.prompt": { about: "`renoise.app():show_prompt` and the answer given.", fields: ["title", "text", "buttons", "answer", "scripted"] },
  // Scenario files
  "scenario.note": { about: "A scenario peer could not go on (e.g. its connect failed).", fields: ["peer", "note"] },
  "scenario.expect-failed": { about: "A scenario peer received something other than it expected.", fields: ["peer", "step", "got"] },
};

/** The fields a kind may carry (without the `?` marks). */
export function kindFields(kind: string): readonly string[] | undefined {
  return TRACE_KINDS[kind]?.fields.map((f) => f.replace(/\?$/, ""));
}
