/**
 * renoise-sim/tstl: declarations of the Renoise API for tools written in
 * TypeScript and compiled to Lua by TypeScriptToLua, for the namespaces
 * renoise-sim implements: renoise.Socket, renoise.Osc, renoise.tool() and
 * renoise.app() basics. Lua multiple returns are `LuaMultiReturn` tuples,
 * namespace functions and callbacks are `this: void`, object methods are
 * called with `:` (self). Song, document and views declarations follow as
 * those namespaces land in renoise-sim.
 *
 * tsconfig.json: "types": ["@typescript-to-lua/language-extensions", "renoise-sim/tstl"]
 */

/// <reference types="@typescript-to-lua/language-extensions" />

declare namespace renoise {
  const API_VERSION: number;
  const RENOISE_VERSION: string;

  /** The running tool. */
  function tool(this: void): ScriptingTool;
  /** The application (messages, prompts). */
  function app(this: void): Application;

  // ------------------------------------------------------------ renoise.Socket

  namespace Socket {
    const PROTOCOL_TCP: 1;
    const PROTOCOL_UDP: 2;
    type Protocol = 1 | 2;

    /** `create_server([address,] port [, protocol])`: a server, or nil and an error string. */
    function create_server(this: void, port: number, protocol?: Protocol): LuaMultiReturn<[SocketServer, undefined] | [undefined, string]>;
    function create_server(this: void, address: string, port: number, protocol?: Protocol): LuaMultiReturn<[SocketServer, undefined] | [undefined, string]>;
    /** A client connected to `address:port` (TCP blocks up to `timeout` ms), or nil and an error string. */
    function create_client(
      this: void,
      address: string,
      port: number,
      protocol?: Protocol,
      timeout?: number,
    ): LuaMultiReturn<[SocketClient, undefined] | [undefined, string]>;

    interface SocketBase {
      readonly is_open: boolean;
      readonly local_address: string;
      readonly local_port: number;
      close(): void;
    }

    interface SocketClient extends SocketBase {
      readonly peer_address: string;
      readonly peer_port: number;
      /** true, or false and an error string. */
      send(message: string): LuaMultiReturn<[true, undefined] | [false, string]>;
      /** `"*line"`, `"*all"` or a byte count; the data, or nil and "timeout" / "disconnected" / …. */
      receive(mode: "*line" | "*l" | "*all" | number, timeout_ms: number): LuaMultiReturn<[string, undefined] | [undefined, string]>;
    }

    /** A table of callbacks: Renoise calls a table's functions without self, so they are `this: void`. */
    interface SocketNotifierTable {
      socket_error?: (this: void, error_message: string) => void;
      socket_accepted?: (this: void, socket: SocketClient) => void;
      socket_message?: (this: void, socket: SocketClient, message: string) => void;
    }

    interface SocketServer extends SocketBase {
      readonly is_running: boolean;
      /**
       * A table of `this: void` functions (an object literal): Renoise calls
       * them without self. A TypeScriptToLua class instance is a plain Lua
       * table too (not a Renoise `class`), so its methods would get no self:
       * the declarations refuse it.
       */
      run(notifier: SocketNotifierTable): void;
      stop(): void;
      /** Blocks up to `timeout_ms`, running this server's callbacks. */
      wait(timeout_ms: number): void;
    }
  }

  // ------------------------------------------------------------ renoise.Osc

  namespace Osc {
    type Tag = "i" | "f" | "s" | "b" | "h" | "t" | "d" | "c" | "r" | "m" | "T" | "F" | "N" | "I" | "S";

    interface Argument {
      tag: Tag;
      value?: number | string | boolean;
    }

    interface Message {
      readonly pattern: string;
      readonly arguments: Argument[];
      readonly binary_data: string;
    }

    interface Bundle {
      readonly timetag: number;
      readonly elements: (Message | Bundle)[];
      readonly binary_data: string;
    }

    function Message(this: void, pattern: string, args?: Argument[]): Message;
    function Bundle(this: void, time: number, elements: Message | Bundle | (Message | Bundle)[]): Bundle;
    /** A message or bundle, or nil and an error string. */
    function from_binary_data(this: void, binary_data: string): LuaMultiReturn<[Message | Bundle, undefined] | [undefined, string]>;
  }

  // ------------------------------------------------------------ renoise.tool() / renoise.app()

  namespace Document {
    interface Observable {
      add_notifier(notifier: (this: void) => void): void;
      remove_notifier(notifier: (this: void) => void): void;
      has_notifier(notifier: (this: void) => void): boolean;
    }
  }

  interface ToolMenuEntry {
    name: string;
    invoke: (this: void) => void;
    active?: (this: void) => boolean;
    selected?: (this: void) => boolean;
  }

  interface ToolKeybindingEntry {
    name: string;
    invoke: (this: void, repeated: boolean) => void;
  }

  interface ToolMidiMappingEntry {
    name: string;
    invoke: (this: void, message: unknown) => void;
  }

  interface ScriptingTool {
    readonly bundle_path: string;
    readonly app_idle_observable: Document.Observable;
    readonly tool_finished_loading_observable: Document.Observable;
    readonly tool_will_unload_observable: Document.Observable;
    preferences: unknown;
    has_menu_entry(name: string): boolean;
    add_menu_entry(entry: ToolMenuEntry): void;
    remove_menu_entry(name: string): void;
    has_keybinding(name: string): boolean;
    add_keybinding(entry: ToolKeybindingEntry): void;
    remove_keybinding(name: string): void;
    has_midi_mapping(name: string): boolean;
    add_midi_mapping(entry: ToolMidiMappingEntry): void;
    remove_midi_mapping(name: string): void;
    has_timer(timer: (this: void) => void): boolean;
    add_timer(timer: (this: void) => void, interval_in_ms: number): void;
    remove_timer(timer: (this: void) => void): void;
  }

  interface Application {
    show_message(message: string): void;
    show_error(message: string): void;
    show_warning(message: string): void;
    show_status(message: string): void;
    /** The label of the button pressed. */
    show_prompt(title: string, message: string, buttons: string[]): string;
    open_url(url: string): void;
  }
}
