;; The character loop of the Lua 5.1 lexer (lex51.ts), as wasm: it reads a
;; chunk's UTF-16 code units and writes, for the JavaScript half
;; (scan51.ts), only what that half acts on when no tokens are wanted:
;; the nesting of functions and blocks (arg-nest.ts), each name `arg`, each
;; `...`, and each short string holding a backslash (re-encoded in
;; JavaScript). It counts no lines: on anything the lexer would refuse or
;; report (an unfinished string or comment, 5.2+ syntax) it gives up, and the
;; JavaScript lexer reads the chunk again and makes the message.
;;
;; Memory (filled by scan51.ts, which also owns the layout's constants):
;;   0      NAMECH  65,536 bytes: 1 for a char of a name or numeral
;;   65536  CLASS   128 bytes: how a char starts a token (the $c_* below)
;;   65664  TOK     128 bytes: the token code of a one-char token
;;   65792  KWT     128*16 entries of 2 bytes: up to two keyword codes by
;;                  (first char << 4 | length)
;;   69888  KWTEXT  32 entries of 16 bytes: each keyword code's letters as
;;                  UTF-16 code units, 0 after them
;;   70400  NESTKW  32 bytes: 1 for the keywords the nesting follows
;;   70656  MASKS   9 entries of 16 bytes: by a name's length, the bits of
;;                  its code units in two 64-bit words
;;   70800  FLAGS   i32: 1 when the chunk holds `..`
;;   73728  TEXT    the chunk's code units (then four 0s), then the events
;;
;; An event is three i32 (the caller gives room for one per character: no
;; chunk has more, each event being a token of at least one): info (kind | a << 8 | b << 16), pos, end.
;;   1 keyword    a: its code, b: the previous token's code
;;   2 `arg`      a: the previous token's code, b: 1 where a local or loop
;;                variable is declared; pos: the char after it
;;   3 `...`
;;   4 `)` closing a function header; pos: the char after it
;;   5 `{`   6 `}`
;;   7 a short string with a backslash; pos: its quote, end: after its close
;;
;; Token codes are tokens.ts's; the ones this file tests by number are named
;; where used.
(module
  (memory (export "memory") 2)

  ;; scan(from, n, evAt, evCap): the number of events written at evAt, or -1
  ;; (the JavaScript lexer must read the chunk: an error, or more events than
  ;; evCap). Chars are read from TEXT + 2 * index; `from` is where reading
  ;; starts (after a skipped shebang line).
  (func (export "scan") (param $from i32) (param $n i32) (param $evAt i32) (param $evCap i32) (result i32)
    (local $p i32)     ;; address of the current char
    (local $end i32)   ;; address of the chunk's end
    (local $s0 i32)    ;; address where the token starts
    (local $c i32)
    (local $d i32)
    (local $k i32)     ;; the token's code
    (local $lastK i32)
    (local $ls i32)    ;; the `local`/`for` name-list state (lex51's localState)
    (local $nextLs i32)
    (local $header i32)
    (local $ne i32)    ;; events written
    (local $ev i32)    ;; address of the next event
    (local $len i32)
    (local $e i32)
    (local $w i32)
    (local $j i32)
    (local $level i32)
    (local $concat i32)
    (local $m1 i64)
    (local $m2 i64)
    (local $x1 i64)
    (local $x2 i64)
    (local.set $p (i32.add (i32.const 73728) (i32.shl (local.get $from) (i32.const 1))))
    (local.set $end (i32.add (i32.const 73728) (i32.shl (local.get $n) (i32.const 1))))
    (local.set $ev (local.get $evAt))
    (block $fail
      (loop $token
        (if (i32.ge_u (local.get $p) (local.get $end))
          (then
            (i32.store (i32.const 70800) (local.get $concat))
            (return (local.get $ne))))
        (local.set $c (i32.load16_u (local.get $p)))
        (local.set $s0 (local.get $p))
        (local.set $nextLs (i32.const 0))
        (local.set $k (i32.const 65)) ;; OTHER
        (block $done
          (block $simple
          (block $rbrace
          (block $lbrace
          (block $rparen
          (block $colon
          (block $eq
          (block $gt
          (block $lt
          (block $tilde
          (block $slash
          (block $comma
          (block $dot
          (block $lbracket
          (block $quote
          (block $digit
          (block $name
          (block $minus
          (block $newline
          (block $space
            (br_table $space $newline $minus $name $digit $quote $lbracket $dot $comma $slash $fail
                      $tilde $lt $gt $eq $colon $rparen $lbrace $rbrace $simple
              (if (result i32) (i32.lt_u (local.get $c) (i32.const 128))
                (then (i32.load8_u offset=65536 (local.get $c)))
                (else (i32.const 19)))))
          ;; $space: blanks
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (br $token))
          ;; $newline, and the next line's indentation
          (loop $indent
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (br_if $indent (i32.eq (i32.load16_u (local.get $p)) (i32.const 32))))
          (br $token))
          ;; $minus: `-`, or a comment
          (if (i32.ne (i32.load16_u offset=2 (local.get $p)) (i32.const 45))
            (then
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (local.set $k (i32.const 41)) ;; MINUS
              (br $done)))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (if (i32.eq (i32.load16_u (local.get $p)) (i32.const 91))
            (then
              (local.set $level (call $longLevel (local.get $p)))
              (if (i32.ge_s (local.get $level) (i32.const 0))
                (then
                  (local.set $p (call $skipLong (local.get $p) (local.get $end) (local.get $level)))
                  (br_if $fail (i32.eqz (local.get $p)))
                  (br $token)))))
          ;; a line comment: to the next line break (or the end)
          (block $eol
            (loop $skip
              (br_if $eol (i32.ge_u (local.get $p) (local.get $end)))
              (local.set $d (i32.load16_u (local.get $p)))
              (br_if $eol (i32.or (i32.eq (local.get $d) (i32.const 10)) (i32.eq (local.get $d) (i32.const 13))))
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (br $skip)))
          (br $token))
          ;; $name: a name or a keyword
          (loop $more
            (local.set $p (i32.add (local.get $p) (i32.const 2)))
            (br_if $more (i32.load8_u (i32.load16_u (local.get $p)))))
          (local.set $len (i32.shr_u (i32.sub (local.get $p) (local.get $s0)) (i32.const 1)))
          (local.set $k (i32.const 1)) ;; NAME
          (if (i32.lt_u (local.get $len) (i32.const 9))
            (then
              ;; Up to two keywords start with this letter and have this length: each is compared as
              ;; two 64-bit words of code units, masked to the length.
              (local.set $w (i32.load16_u offset=65792
                (i32.shl (i32.or (i32.shl (local.get $c) (i32.const 4)) (local.get $len)) (i32.const 1))))
              (if (local.get $w)
                (then
                  (local.set $m1 (i64.load offset=70656 (i32.shl (local.get $len) (i32.const 4))))
                  (local.set $m2 (i64.load offset=70664 (i32.shl (local.get $len) (i32.const 4))))
                  (local.set $x1 (i64.and (i64.load (local.get $s0)) (local.get $m1)))
                  (local.set $x2 (i64.and (i64.load offset=8 (local.get $s0)) (local.get $m2)))
                  (local.set $j (i32.shl (i32.and (local.get $w) (i32.const 255)) (i32.const 4)))
                  (if (i32.and (i64.eq (local.get $x1) (i64.load offset=69888 (local.get $j)))
                               (i64.eq (local.get $x2) (i64.load offset=69896 (local.get $j))))
                    (then (local.set $k (i32.and (local.get $w) (i32.const 255))))
                    (else
                      (local.set $j (i32.shl (i32.shr_u (local.get $w) (i32.const 8)) (i32.const 4)))
                      (if (i32.and (i32.and (i32.gt_u (local.get $w) (i32.const 255))
                                            (i64.eq (local.get $x1) (i64.load offset=69888 (local.get $j))))
                                   (i64.eq (local.get $x2) (i64.load offset=69896 (local.get $j))))
                        (then (local.set $k (i32.shr_u (local.get $w) (i32.const 8)))))))))))
          (if (i32.eq (local.get $k) (i32.const 1))
            (then
              ;; `arg`, not as a field name (after DOT 64 or COLON 61)
              (if (i32.and
                    (i32.and (i32.eq (local.get $len) (i32.const 3)) (i32.eq (local.get $c) (i32.const 97)))
                    (i32.and (i32.eq (i32.load16_u offset=2 (local.get $s0)) (i32.const 114))
                             (i32.eq (i32.load16_u offset=4 (local.get $s0)) (i32.const 103))))
                (then
                  (if (i32.and (i32.ne (local.get $lastK) (i32.const 64)) (i32.ne (local.get $lastK) (i32.const 61)))
                    (then
                      (br_if $fail (i32.ge_u (local.get $ne) (local.get $evCap)))
                      (i32.store (local.get $ev)
                        (i32.or (i32.const 2)
                          (i32.or (i32.shl (local.get $lastK) (i32.const 8))
                            (i32.shl (i32.or (i32.eq (local.get $ls) (i32.const 1)) (i32.eq (local.get $ls) (i32.const 5))) (i32.const 16)))))
                      (i32.store offset=4 (local.get $ev) (call $index (local.get $p)))
                      (local.set $ev (i32.add (local.get $ev) (i32.const 12)))
                      (local.set $ne (i32.add (local.get $ne) (i32.const 1)))))))
              (if (i32.eq (local.get $ls) (i32.const 1)) (then (local.set $nextLs (i32.const 2))))
              (if (i32.eq (local.get $ls) (i32.const 5)) (then (local.set $nextLs (i32.const 6))))
              (br $done)))
          ;; a keyword: LOCAL 22, FOR 17, FUNCTION 18
          (if (i32.eq (local.get $k) (i32.const 22))
            (then (local.set $nextLs (i32.const 1)))
            (else
              (if (i32.eq (local.get $k) (i32.const 17))
                (then (local.set $nextLs (i32.const 5)))
                (else
                  (if (i32.and (i32.ne (local.get $k) (i32.const 18)) (i32.eq (local.get $ls) (i32.const 1)))
                    (then (local.set $nextLs (i32.const 2))))))))
          ;; the keywords the nesting follows (FUNCTION, DO, IF, REPEAT, END, UNTIL: 1 in NESTKW)
          (if (i32.load8_u offset=70400 (local.get $k))
            (then
              (br_if $fail (i32.ge_u (local.get $ne) (local.get $evCap)))
              (i32.store (local.get $ev)
                (i32.or (i32.const 1) (i32.or (i32.shl (local.get $k) (i32.const 8)) (i32.shl (local.get $lastK) (i32.const 16)))))
              (local.set $ev (i32.add (local.get $ev) (i32.const 12)))
              (local.set $ne (i32.add (local.get $ne) (i32.const 1)))
              (if (i32.and (i32.eq (local.get $k) (i32.const 18)) (i32.eqz (local.get $header)))
                (then (local.set $header (i32.const 1))))))
          (br $done))
          ;; $digit
          (local.set $p (call $numeral (local.get $p)))
          (local.set $k (i32.const 2)) ;; NUMBER
          (br $done))
          ;; $quote: a short string
          (local.set $k (i32.const 3)) ;; STRING
          (local.set $j (i32.add (local.get $p) (i32.const 2)))
          (loop $chars
            (br_if $fail (i32.ge_u (local.get $j) (local.get $end)))
            (local.set $d (i32.load16_u (local.get $j)))
            (if (i32.eq (local.get $d) (local.get $c))
              (then
                (local.set $p (i32.add (local.get $j) (i32.const 2)))
                (br $done)))
            (br_if $fail (i32.or (i32.eq (local.get $d) (i32.const 10)) (i32.eq (local.get $d) (i32.const 13))))
            (if (i32.eq (local.get $d) (i32.const 92))
              (then
                ;; escapes: the string's end is found here, its bytes are decoded in JavaScript
                (local.set $j (call $escapedEnd (local.get $s0) (local.get $end)))
                (br_if $fail (i32.eqz (local.get $j)))
                (br_if $fail (i32.ge_u (local.get $ne) (local.get $evCap)))
                (i32.store (local.get $ev) (i32.const 7))
                (i32.store offset=4 (local.get $ev) (call $index (local.get $s0)))
                (i32.store offset=8 (local.get $ev) (call $index (local.get $j)))
                (local.set $ev (i32.add (local.get $ev) (i32.const 12)))
                (local.set $ne (i32.add (local.get $ne) (i32.const 1)))
                (local.set $p (local.get $j))
                (br $done)))
            (local.set $j (i32.add (local.get $j) (i32.const 2)))
            (br $chars))
          unreachable)
          ;; $lbracket: `[` or a long string
          (local.set $level (call $longLevel (local.get $p)))
          (if (i32.ge_s (local.get $level) (i32.const 0))
            (then
              (local.set $p (call $skipLong (local.get $p) (local.get $end) (local.get $level)))
              (br_if $fail (i32.eqz (local.get $p)))
              (local.set $k (i32.const 3)) ;; STRING
              (br $done)))
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (local.set $k (i32.const 58)) ;; LBRACKET
          (br $done))
          ;; $dot: `.`, `..`, `...` or a numeral
          (local.set $d (i32.load16_u offset=2 (local.get $p)))
          (if (i32.eq (local.get $d) (i32.const 46))
            (then
              (if (i32.eq (i32.load16_u offset=4 (local.get $p)) (i32.const 46))
                (then
                  (local.set $p (i32.add (local.get $p) (i32.const 6)))
                  (local.set $k (i32.const 5)) ;; VARARG
                  (br_if $fail (i32.ge_u (local.get $ne) (local.get $evCap)))
                  (i32.store (local.get $ev) (i32.const 3))
                  (local.set $ev (i32.add (local.get $ev) (i32.const 12)))
                  (local.set $ne (i32.add (local.get $ne) (i32.const 1)))
                  (br $done)))
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (local.set $k (i32.const 4)) ;; CONCAT
              (local.set $concat (i32.const 1))
              (br $done)))
          (if (i32.and (i32.ge_u (local.get $d) (i32.const 48)) (i32.le_u (local.get $d) (i32.const 57)))
            (then
              (local.set $p (call $numeral (local.get $p)))
              (local.set $k (i32.const 2)) ;; NUMBER
              (br $done)))
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (local.set $k (i32.const 64)) ;; DOT
          (br $done))
          ;; $comma
          (if (i32.eq (local.get $ls) (i32.const 2)) (then (local.set $nextLs (i32.const 1))))
          (if (i32.eq (local.get $ls) (i32.const 6)) (then (local.set $nextLs (i32.const 5))))
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (local.set $k (i32.const 63)) ;; COMMA
          (br $done))
          ;; $slash: `/` (`//` is 5.3's)
          (br_if $fail (i32.eq (i32.load16_u offset=2 (local.get $p)) (i32.const 47)))
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (local.set $k (i32.const 43)) ;; SLASH
          (br $done))
          ;; $tilde: only `~=`
          (br_if $fail (i32.ne (i32.load16_u offset=2 (local.get $p)) (i32.const 61)))
          (local.set $p (i32.add (local.get $p) (i32.const 4)))
          (local.set $k (i32.const 48)) ;; NE
          (br $done))
          ;; $lt: `<`, `<=` (an attribute after a local's name, and `<<`, are refused)
          (br_if $fail (i32.eq (local.get $ls) (i32.const 2)))
          (local.set $d (i32.load16_u offset=2 (local.get $p)))
          (br_if $fail (i32.eq (local.get $d) (i32.const 60)))
          (if (i32.eq (local.get $d) (i32.const 61))
            (then
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (local.set $k (i32.const 49))) ;; LE
            (else
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (local.set $k (i32.const 51)))) ;; LT
          (br $done))
          ;; $gt: `>`, `>=` (`>>` refused)
          (local.set $d (i32.load16_u offset=2 (local.get $p)))
          (br_if $fail (i32.eq (local.get $d) (i32.const 62)))
          (if (i32.eq (local.get $d) (i32.const 61))
            (then
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (local.set $k (i32.const 50))) ;; GE
            (else
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (local.set $k (i32.const 52)))) ;; GT
          (br $done))
          ;; $eq: `==` or `=`
          (if (i32.eq (i32.load16_u offset=2 (local.get $p)) (i32.const 61))
            (then
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (local.set $k (i32.const 47))) ;; EQ
            (else
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (local.set $k (i32.const 53)))) ;; ASSIGN
          (br $done))
          ;; $colon: `::` or `:`
          (if (i32.eq (i32.load16_u offset=2 (local.get $p)) (i32.const 58))
            (then
              (local.set $p (i32.add (local.get $p) (i32.const 4)))
              (local.set $k (i32.const 62))) ;; DBCOLON
            (else
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (local.set $k (i32.const 61)))) ;; COLON
          (br $done))
          ;; $rparen: `)`, reported when it ends a function's header
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (local.set $k (i32.const 55)) ;; RPAREN
          (if (local.get $header)
            (then
              (br_if $fail (i32.ge_u (local.get $ne) (local.get $evCap)))
              (i32.store (local.get $ev) (i32.const 4))
              (i32.store offset=4 (local.get $ev) (call $index (local.get $p)))
              (local.set $ev (i32.add (local.get $ev) (i32.const 12)))
              (local.set $ne (i32.add (local.get $ne) (i32.const 1)))
              (local.set $header (i32.const 0))))
          (br $done))
          ;; $lbrace
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (local.set $k (i32.const 56)) ;; LBRACE
          (br_if $fail (i32.ge_u (local.get $ne) (local.get $evCap)))
          (i32.store (local.get $ev) (i32.const 5))
          (local.set $ev (i32.add (local.get $ev) (i32.const 12)))
          (local.set $ne (i32.add (local.get $ne) (i32.const 1)))
          (br $done))
          ;; $rbrace
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (local.set $k (i32.const 57)) ;; RBRACE
          (br_if $fail (i32.ge_u (local.get $ne) (local.get $evCap)))
          (i32.store (local.get $ev) (i32.const 6))
          (local.set $ev (i32.add (local.get $ev) (i32.const 12)))
          (local.set $ne (i32.add (local.get $ne) (i32.const 1)))
          (br $done))
          ;; $simple: a one-char token (OTHER past 127)
          (if (i32.lt_u (local.get $c) (i32.const 128))
            (then (local.set $k (i32.load8_u offset=65664 (local.get $c)))))
          (local.set $p (i32.add (local.get $p) (i32.const 2))))
        ;; $done: a token was read (and the one space after it, the usual, skipped here)
        (local.set $ls (local.get $nextLs))
        (local.set $lastK (local.get $k))
        (if (i32.eq (i32.load16_u (local.get $p)) (i32.const 32))
          (then (local.set $p (i32.add (local.get $p) (i32.const 2)))))
        (br $token)))
    (i32.const -1))

  ;; The char index of the address $p.
  (func $index (param $p i32) (result i32)
    (i32.shr_u (i32.sub (local.get $p) (i32.const 73728)) (i32.const 1)))

  ;; Level of a long bracket at $p (`[==[` -> 2; `]==]` likewise), or -1.
  (func $longLevel (param $p i32) (result i32)
    (local $j i32)
    (local.set $j (i32.add (local.get $p) (i32.const 2)))
    (block $out
      (loop $eqs
        (br_if $out (i32.ne (i32.load16_u (local.get $j)) (i32.const 61)))
        (local.set $j (i32.add (local.get $j) (i32.const 2)))
        (br $eqs)))
    (if (result i32) (i32.eq (i32.load16_u (local.get $j)) (i32.load16_u (local.get $p)))
      (then (i32.sub (i32.shr_u (i32.sub (local.get $j) (local.get $p)) (i32.const 1)) (i32.const 1)))
      (else (i32.const -1))))

  ;; The address after the long string/comment of $level opening at $p, or 0 when it is unfinished.
  (func $skipLong (param $p i32) (param $end i32) (param $level i32) (result i32)
    (local.set $p (i32.add (local.get $p) (i32.shl (i32.add (local.get $level) (i32.const 2)) (i32.const 1))))
    (loop $chars
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const 0))))
      (if (i32.eq (i32.load16_u (local.get $p)) (i32.const 93))
        (then
          (if (i32.eq (call $longLevel (local.get $p)) (local.get $level))
            (then (return (i32.add (local.get $p) (i32.shl (i32.add (local.get $level) (i32.const 2)) (i32.const 1))))))))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (br $chars))
    (i32.const 0))

  ;; The end of the numeral at $p: name chars and dots, and a sign right
  ;; after the exponent letter (p after 0x / 0X, else e).
  (func $numeral (param $p i32) (result i32)
    (local $s i32)
    (local $d i32)
    (local $exp i32)
    (local.set $s (local.get $p))
    (local.set $exp (i32.const 101))
    (if (i32.and (i32.eq (i32.load16_u (local.get $s)) (i32.const 48))
                 (i32.eq (i32.or (i32.load16_u offset=2 (local.get $s)) (i32.const 32)) (i32.const 120)))
      (then (local.set $exp (i32.const 112))))
    (local.set $p (i32.add (local.get $p) (i32.const 2)))
    (loop $chars
      (local.set $d (i32.load16_u (local.get $p)))
      (if (i32.or (i32.load8_u (local.get $d)) (i32.eq (local.get $d) (i32.const 46)))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (br $chars)))
      (if (i32.or (i32.eq (local.get $d) (i32.const 43)) (i32.eq (local.get $d) (i32.const 45)))
        (then
          (if (i32.eq (i32.or (i32.load16_u offset=0 (i32.sub (local.get $p) (i32.const 2))) (i32.const 32)) (local.get $exp))
            (then
              (local.set $p (i32.add (local.get $p) (i32.const 2)))
              (br $chars))))))
    (local.get $p))

  ;; The address after the short string opening at $s that holds a
  ;; backslash, or 0 where the lexer would refuse it (unfinished, a line
  ;; break, `\z`, `\u{`). A backslash and the char after it are skipped
  ;; (and a line break's second char); a decimal escape's value is checked
  ;; when JavaScript decodes the string.
  (func $escapedEnd (param $s i32) (param $end i32) (result i32)
    (local $q i32)
    (local $p i32)
    (local $d i32)
    (local $e i32)
    (local.set $q (i32.load16_u (local.get $s)))
    (local.set $p (i32.add (local.get $s) (i32.const 2)))
    (loop $chars
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const 0))))
      (local.set $d (i32.load16_u (local.get $p)))
      (if (i32.eq (local.get $d) (local.get $q)) (then (return (i32.add (local.get $p) (i32.const 2)))))
      (if (i32.or (i32.eq (local.get $d) (i32.const 10)) (i32.eq (local.get $d) (i32.const 13))) (then (return (i32.const 0))))
      (if (i32.ne (local.get $d) (i32.const 92))
        (then
          (local.set $p (i32.add (local.get $p) (i32.const 2)))
          (br $chars)))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (if (i32.ge_u (local.get $p) (local.get $end)) (then (return (i32.const 0))))
      (local.set $e (i32.load16_u (local.get $p)))
      (if (i32.eq (local.get $e) (i32.const 122)) (then (return (i32.const 0))))
      (if (i32.and (i32.eq (local.get $e) (i32.const 117)) (i32.eq (i32.load16_u offset=2 (local.get $p)) (i32.const 123)))
        (then (return (i32.const 0))))
      (local.set $p (i32.add (local.get $p) (i32.const 2)))
      (if (i32.or (i32.eq (local.get $e) (i32.const 10)) (i32.eq (local.get $e) (i32.const 13)))
        (then
          (local.set $d (i32.load16_u (local.get $p)))
          (if (i32.and (i32.or (i32.eq (local.get $d) (i32.const 10)) (i32.eq (local.get $d) (i32.const 13)))
                       (i32.ne (local.get $d) (local.get $e)))
            (then (local.set $p (i32.add (local.get $p) (i32.const 2)))))))
      (br $chars))
    (i32.const 0))
)
