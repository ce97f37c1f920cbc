// The song example from README.md, verbatim except for the import paths.
import { expect, test } from "vitest";
import { createSimulation, loadLuaTool } from "../../src/index.js";
import { installRenoiseMatchers } from "../../src/vitest.js";

installRenoiseMatchers();

const TOOL = `
local server = renoise.Socket.create_server(8000)
server:run {
  socket_message = function(client, message)
    local song = renoise.song()
    local bpm = message:match("^BPM (%d+)")
    if bpm then song.transport.bpm = tonumber(bpm) end
    if message:match("^PLAY") then song.transport:start(renoise.Transport.PLAYMODE_RESTART_PATTERN) end
    client:send(("OK %d\\n"):format(song.transport.bpm))
  end,
}
`;

test("a remote control sets the tempo and starts the song", async () => {
  const sim = createSimulation({ seed: 1, latency: 5, song: { bpm: 100, tracks: ["Drums", "Bass"] } });
  const tool = await loadLuaTool(sim, { files: { "main.lua": TOOL } });
  const song = sim.renoise.song(); // the very song the Lua tool sees

  const [client] = sim.addHost("tablet").Socket.create_client(sim.host.address, 8000);
  client!.send("BPM 140\n");
  expect(client!.receive("*line", 500)).toEqual(["OK 140", undefined]);
  expect(song.transport.bpm).toBe(140);
  expect(sim).toHaveSongChange("transport.bpm", { from: 100, to: 140, cause: /^socket_message#/ });

  client!.send("PLAY\n");
  client!.receive("*line", 500);
  sim.advance(1000); // 140 bpm, 4 lines a beat: a line every ~107 ms
  expect(song.transport.playing).toBe(true);
  expect(song.transport.playback_pos).toBeSongPos(1, 10);
  tool.unload();
});
