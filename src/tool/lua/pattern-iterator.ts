/**
 * Lua source of `renoise.PatternIterator` and `renoise.song().pattern_iterator`.
 * Renoise implements the iterators in Lua as well, on a class table tools may
 * extend or override; this is our own implementation of the documented
 * behaviour:
 *
 * - `lines_in_song(visible_patterns_only)`, `lines_in_pattern(p)`,
 *   `lines_in_track(t, visible_patterns_only)`, `lines_in_pattern_track(p, t)`
 *   yield `pos, line` with `pos = {pattern =, track =, line =}`;
 * - `note_columns_in_*` / `effect_columns_in_*` take the same arguments plus
 *   `visible_only` and yield `pos, column` with `pos.column` added;
 *   `visible_only` limits the columns to the track's visible ones.
 *
 * "In song" means the patterns of the sequence, each once, in sequence order
 * (every pattern of the song when `visible_patterns_only` is false). Each
 * step gets a fresh `pos` table. A pattern's length is checked at every
 * step, so a walk follows a pattern resized during it (as Renoise's does).
 *
 * The chunk takes three arguments, the host's `lines_of`, `columns_of` and
 * `value_cache` (see pattern-lines.ts): a pattern track's lines or columns in
 * one call, and the VM's value-cache holder.
 *
 * @internal
 */
export const PATTERN_ITERATOR_LUA = String.raw`
local lines_of, columns_of, value_cache = ...
local renoise, setmetatable, getmetatable, rawget, rawequal, type, error, format =
  renoise, setmetatable, getmetatable, rawget, rawequal, type, error, string.format

local PatternIterator = {}
renoise.PatternIterator = PatternIterator
local instance_mt = { __index = PatternIterator, __rsim_type = "PatternIterator" }

local function check_index(v, what, call)
  if type(v) ~= "number" then
    error(format("bad argument to '%s': %s must be an index (a number), got %s", call, what, type(v)), 3)
  end
end

local function song_patterns(song, visible_only)
  local order = {}
  if visible_only == false then
    for i = 1, #song.patterns do order[i] = i end
    return order
  end
  local seen = {}
  for _, p in ipairs(song.sequencer.pattern_sequence) do
    if not seen[p] then
      seen[p] = true
      order[#order + 1] = p
    end
  end
  return order
end

-- The state of the line walkers made here (walker -> state), for walk_columns.
local walkers = setmetatable({}, { __mode = "k" })

-- Walks the lines of a list of {pattern, track} pairs. As in Renoise, the
-- pattern's length is followed at every step: number_of_lines is a value Lua
-- keeps while the model stands still (in holder[1], the VM's value cache,
-- which is a new table whenever the model may have changed), so the walker
-- reads it again only when holder[1] is not the cache it read it from. A
-- track's lines come in one call (lines_of), when a step first needs them
-- and again whenever the pattern's length differs from theirs.
-- A column walker (walk_columns) steps the walker with BARE as argument: that
-- step yields p, t, i (no pos table, no line objects, no lines_of). Any other
-- step (a tool's, even of a walker a column walk steps too) yields pos, line.
-- state.gen counts the times the walker moved to a track or its length
-- changed (when the track's lines or columns must be fetched again).
local holder
local BARE = {}
local function walk_lines(song, pairs_list)
  local k, pattern, track, lines, n, i, p, t = 0, nil, nil, nil, 0, 0, 0, 0
  local seen, count, gen, lines_gen = nil, 0, 0, 0
  local state = { gen = 0 } -- state.track, state.gen: what the walker walks now
  if holder == nil then holder = value_cache() end
  local function step(mode)
    while true do
      i = i + 1
      if pattern ~= nil then
        if holder[1] ~= seen then
          count = pattern.number_of_lines
          seen = holder[1]
        end
        if i <= count then
          if count ~= n then
            n, gen = count, gen + 1
            state.gen = gen
          end
          if mode == BARE then return p, t, i end
          if lines_gen ~= gen then
            lines, lines_gen = lines_of(track), gen
          end
          return { pattern = p, track = t, line = i }, lines[i]
        end
      end
      k = k + 1
      local pair = pairs_list[k]
      if pair == nil then
        pattern = nil
        return nil
      end
      p, t = pair[1], pair[2]
      pattern = song:pattern(p)
      track = pattern:track(t)
      count = pattern.number_of_lines
      n, i, seen, gen = count, 0, holder[1], gen + 1
      state.track, state.gen = track, gen
    end
  end
  walkers[step] = state
  return step
end

-- Walks the note or effect columns of the lines a line walker yields. With a
-- walker made here (stepped bare, from wherever it is), a pattern track's
-- columns come in one call (columns_of, only the columns walked); with any
-- other (a tool's own lines_in_*), from each line's note_columns /
-- effect_columns.
local function walk_columns(song, next_line, kind, visible_only)
  local note = kind == "note"
  local field = note and "note_columns" or "effect_columns"
  local visible_field = note and "visible_note_columns" or "visible_effect_columns"
  local state = walkers[next_line]
  local p, t, l, columns, n, c, base = 0, 0, 0, nil, 0, 0, 0
  local flat, flat_gen, width = nil, 0, 0
  local visible = {}
  return function()
    while true do
      c = c + 1
      if c <= n then
        return { pattern = p, track = t, line = l, column = c }, columns[base + c]
      end
      local line
      if state ~= nil then
        p, t, l = next_line(BARE)
        if p == nil then return nil end
      else
        local pos
        pos, line = next_line()
        if pos == nil then return nil end
        p, t, l = pos.pattern, pos.track, pos.line
      end
      c = 0
      local v
      if visible_only then
        v = visible[t]
        if v == nil then
          v = song:track(t)[visible_field] or false
          visible[t] = v
        end
      end
      if state ~= nil then
        if state.gen ~= flat_gen then
          flat, width = columns_of(state.track, note, v or 1e9)
          flat_gen = state.gen
        end
        columns, n, base = flat, width, (l - 1) * width
      else
        columns = line[field]
        n, base = #columns, 0
        if v and v < n then n = v end
      end
    end
  end
end

local function all_tracks(song, patterns)
  local list, tracks = {}, #song.tracks
  for _, p in ipairs(patterns) do
    for t = 1, tracks do list[#list + 1] = { p, t } end
  end
  return list
end

function PatternIterator:lines_in_song(visible_patterns_only)
  return walk_lines(self.song, all_tracks(self.song, song_patterns(self.song, visible_patterns_only)))
end

function PatternIterator:lines_in_pattern(pattern_index)
  check_index(pattern_index, "pattern_index", "lines_in_pattern")
  return walk_lines(self.song, all_tracks(self.song, { pattern_index }))
end

function PatternIterator:lines_in_track(track_index, visible_patterns_only)
  check_index(track_index, "track_index", "lines_in_track")
  local list = {}
  for _, p in ipairs(song_patterns(self.song, visible_patterns_only)) do list[#list + 1] = { p, track_index } end
  return walk_lines(self.song, list)
end

function PatternIterator:lines_in_pattern_track(pattern_index, track_index)
  check_index(pattern_index, "pattern_index", "lines_in_pattern_track")
  check_index(track_index, "track_index", "lines_in_pattern_track")
  return walk_lines(self.song, { { pattern_index, track_index } })
end

for _, kind in ipairs({ "note", "effect" }) do
  local prefix = kind .. "_columns_in_"
  PatternIterator[prefix .. "song"] = function(self, visible_only)
    return walk_columns(self.song, self:lines_in_song(visible_only), kind, visible_only)
  end
  PatternIterator[prefix .. "pattern"] = function(self, pattern_index, visible_only)
    return walk_columns(self.song, self:lines_in_pattern(pattern_index), kind, visible_only)
  end
  PatternIterator[prefix .. "track"] = function(self, track_index, visible_only)
    return walk_columns(self.song, self:lines_in_track(track_index, visible_only), kind, visible_only)
  end
  PatternIterator[prefix .. "pattern_track"] = function(self, pattern_index, track_index, visible_only)
    return walk_columns(self.song, self:lines_in_pattern_track(pattern_index, track_index), kind, visible_only)
  end
end

-- song.pattern_iterator: a PatternIterator bound to the song, a getter of the
-- Song class added when Lua first asks for the song (renoise.song() is how Lua
-- reaches it), so loading a tool that never does builds no song. A getter, not
-- a wrapper of the class's __index: every other member read of the song stays
-- on the class's own path (and the song can keep values: see make_class).
local function pattern_iterator(self)
  return setmetatable({ song = self }, instance_mt)
end
-- A simulation has one song for its whole life (a new or loaded document
-- fires the document observables; the song object stays), so after the first
-- call renoise.song() answers with the song's userdata it got, without a call
-- into the host (which would only give the same userdata again).
local song_of = renoise.song
local the_song
local function song()
  return the_song
end
local first
first = function()
  local s = song_of()
  if first ~= nil then
    rawget(getmetatable(s), "__rsim_getters").pattern_iterator = pattern_iterator
    the_song = s
    -- Unless a tool replaced renoise.song meanwhile.
    if rawequal(renoise.song, first) then renoise.song = song end
    first = nil
  end
  return s
end
renoise.song = first
`;
