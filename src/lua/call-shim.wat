;; The callback hot path's calls of Lua's C API, made from wasm: a call from
;; JavaScript into the Lua module costs ~5-15 ns more than the same call from
;; another wasm module (bench/parts.ts), and a socket_message delivery made
;; ~16 of them. call-shim.ts embeds this module, assembled with wabt:
;;   wat2wasm src/lua/call-shim.wat -o call-shim.wasm && base64 -w0 call-shim.wasm
;; The functions make the calls LuaBridge.stageField / callStaged made from
;; JavaScript, in an order that keeps what they push out of the reach of the
;; collector's finalizers (see pushAlias); anything off their fast path is left
;; to the bridge, and so is the protected call.
(module
  (import "l" "memory" (memory 0))
  (import "l" "gettop" (func $gettop (param i32) (result i32)))
  (import "l" "settop" (func $settop (param i32 i32)))
  (import "l" "checkstack" (func $checkstack (param i32 i32) (result i32)))
  (import "l" "pushcclosure" (func $pushcclosure (param i32 i32 i32)))
  (import "l" "rawgeti" (func $rawgeti (param i32 i32 i64) (result i32)))
  (import "l" "getmetatable" (func $getmetatable (param i32 i32) (result i32)))
  (import "l" "getfield" (func $getfield (param i32 i32 i32) (result i32)))
  (import "l" "newuserdatauv" (func $newuserdatauv (param i32 i32 i32) (result i32)))
  (import "l" "setmetatable" (func $setmetatable (param i32 i32) (result i32)))
  (import "l" "setiuservalue" (func $setiuservalue (param i32 i32 i32) (result i32)))
  (import "l" "pushlstring" (func $pushlstring (param i32 i32 i32) (result i32)))
  (import "l" "rotate" (func $rotate (param i32 i32 i32)))
  (import "l" "rawequal" (func $rawequal (param i32 i32 i32) (result i32)))
  (import "l" "pushnil" (func $pushnil (param i32)))

  ;; stage(L, msgh, cacheRef, tRef, name, known) -> base * 16 + same * 4 + code, base the stack top it found.
  ;; code 1: staged above base: the C function msgh, registry[cacheRef], t = registry[tRef], t[name] (a function);
  ;; same then 1 if that function is registry[known][1] (a weak-valued table's slot), else 0.
  ;; Otherwise nothing is left: 0 t[name] is not a function, 2 t has a metatable, 3 no room on the stack.
  (func (export "stage") (param $L i32) (param $msgh i32) (param $cache i32) (param $t i32) (param $name i32)
      (param $known i32) (result i32)
    (local $base4 i32)
    (local $same i32)
    (local.set $base4 (i32.shl (call $gettop (local.get $L)) (i32.const 2)))
    (if (i32.eqz (call $checkstack (local.get $L) (i32.const 10)))
      (then (return (i32.or (local.get $base4) (i32.const 3)))))
    (call $pushcclosure (local.get $L) (local.get $msgh) (i32.const 0))
    (drop (call $rawgeti (local.get $L) (i32.const -1001000) (i64.extend_i32_s (local.get $cache))))
    (drop (call $rawgeti (local.get $L) (i32.const -1001000) (i64.extend_i32_s (local.get $t))))
    (if (call $getmetatable (local.get $L) (i32.const -1))
      (then
        (call $settop (local.get $L) (i32.shr_s (local.get $base4) (i32.const 2)))
        (return (i32.or (local.get $base4) (i32.const 2)))))
    ;; No metatable: lua_getfield reads raw. 6: LUA_TFUNCTION.
    (if (i32.eq (call $getfield (local.get $L) (i32.const -1) (local.get $name)) (i32.const 6))
      (then
        (drop (call $rawgeti (local.get $L) (i32.const -1001000) (i64.extend_i32_s (local.get $known))))
        (drop (call $rawgeti (local.get $L) (i32.const -1) (i64.const 1)))
        (local.set $same (call $rawequal (local.get $L) (i32.const -1) (i32.const -3)))
        (call $settop (local.get $L) (i32.const -3))
        (return (i32.or
          (i32.shl (local.get $base4) (i32.const 2))
          (select (i32.const 5) (i32.const 1) (local.get $same))))))
    (call $settop (local.get $L) (i32.shr_s (local.get $base4) (i32.const 2)))
    (i32.shl (local.get $base4) (i32.const 2)))

  ;; pushAlias(L, base, mtRef, slot, magic, target, data, len): with a stage above base (see stage), pushes an
  ;; alias of the object cached under slot in the stage's cache (a userdata of 8 bytes: magic, target; its
  ;; metatable registry[mtRef]; its user value the cached userdata), then the len bytes at data as a string:
  ;; 0. -100: no stage above base (nothing done); -101: the object is not in the cache (nothing done: push it
  ;; another way). The protected call is the bridge's, as without the shim.
  ;; The cached userdata and the string are pushed before the alias is made: making it may run the collector,
  ;; and with it `__gc` finalizers, which may finalize a userdata only the cache holds (its slot then freed and
  ;; maybe reused) or make host calls that write the buffer at data. Once on the stack, neither can change.
  (func (export "pushAlias") (param $L i32) (param $base i32) (param $mt i32) (param $slot i32) (param $magic i32)
      (param $target i32) (param $data i32) (param $len i32) (result i32)
    (local $p i32)
    (if (i32.ne (call $gettop (local.get $L)) (i32.add (local.get $base) (i32.const 4)))
      (then (return (i32.const -100))))
    ;; 0: LUA_TNIL. Stack: stage, u
    (if (i32.eqz (call $rawgeti (local.get $L) (i32.add (local.get $base) (i32.const 2)) (i64.extend_i32_s (local.get $slot))))
      (then
        (call $settop (local.get $L) (i32.add (local.get $base) (i32.const 4)))
        (return (i32.const -101))))
    (drop (call $pushlstring (local.get $L) (local.get $data) (local.get $len))) ;; u, s
    (local.set $p (call $newuserdatauv (local.get $L) (i32.const 8) (i32.const 1))) ;; u, s, a
    (i32.store (local.get $p) (local.get $magic))
    (i32.store offset=4 (local.get $p) (local.get $target))
    (drop (call $rawgeti (local.get $L) (i32.const -1001000) (i64.extend_i32_s (local.get $mt))))
    (drop (call $setmetatable (local.get $L) (i32.const -2)))
    (call $rotate (local.get $L) (i32.add (local.get $base) (i32.const 5)) (i32.const -1)) ;; s, a, u
    (drop (call $setiuservalue (local.get $L) (i32.const -2) (i32.const 1))) ;; s, a
    (call $rotate (local.get $L) (i32.add (local.get $base) (i32.const 5)) (i32.const 1)) ;; a, s
    (i32.const 0))

  ;; pushObject(L, base, slot, data, len): pushAlias with the cached userdata itself instead of an alias.
  (func (export "pushObject") (param $L i32) (param $base i32) (param $slot i32) (param $data i32) (param $len i32) (result i32)
    (if (i32.ne (call $gettop (local.get $L)) (i32.add (local.get $base) (i32.const 4)))
      (then (return (i32.const -100))))
    (if (i32.eqz (call $rawgeti (local.get $L) (i32.add (local.get $base) (i32.const 2)) (i64.extend_i32_s (local.get $slot))))
      (then
        (call $settop (local.get $L) (i32.add (local.get $base) (i32.const 4)))
        (return (i32.const -101))))
    (drop (call $pushlstring (local.get $L) (local.get $data) (local.get $len)))
    (i32.const 0))

  ;; pushNil(L, base, data, len): pushAlias with nil in the object's place (for a function that never sees it).
  (func (export "pushNil") (param $L i32) (param $base i32) (param $data i32) (param $len i32) (result i32)
    (if (i32.ne (call $gettop (local.get $L)) (i32.add (local.get $base) (i32.const 4)))
      (then (return (i32.const -100))))
    (call $pushnil (local.get $L))
    (drop (call $pushlstring (local.get $L) (local.get $data) (local.get $len)))
    (i32.const 0))
)
