import { inspect } from "node:util";
import { expect, it } from "vitest";
import { toolAndPhone } from "../support/tool-and-phone.js";

/** The socket's toString() (the SocketClient type does not declare it). */
const text = (c: object | undefined): string => (c as { toString(): string }).toString();

it("prints a create_client socket as its description, in String() and in node's inspect", () => {
  const { sim, phone } = toolAndPhone();
  phone.Socket.create_server(7000)[0]!.run({});
  const [tcp] = sim.renoise.Socket.create_client(phone.address, 7000);
  const [udp] = sim.renoise.Socket.create_client(phone.address, 7001, 2);
  expect(text(tcp)).toMatch(/^SocketClient\(tcp 192\.168\.1\.10:\d+->10\.0\.0\.2:7000, open\)$/);
  expect(inspect(tcp)).toBe(text(tcp));
  expect(text(udp)).toMatch(/^SocketClient\(udp 192\.168\.1\.10:\d+->10\.0\.0\.2:7001, open\)$/);
  expect(inspect(udp)).toBe(text(udp));
  tcp!.close();
  expect(inspect(tcp)).toMatch(/, closed\)$/);
});
