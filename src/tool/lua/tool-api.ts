/**
 * Lua source of `renoise.tool()` and `renoise.app()`. Identity rules
 * (timers, notifiers, menu entries) live in Lua; effects (virtual-time
 * timers, the trace, scripted prompts) go through `host` functions
 * (tool-host.ts). Returns the table of entry points the host calls.
 *
 * Arguments: `host`, the observable module, `renoise.Document`, the document
 * host helpers.
 *
 * @internal
 */
export const TOOL_API_LUA = String.raw`
local host, observable, Document, dochost = ...
local type, error, rawequal, tostring, setmetatable, ipairs, format, remove, unpack =
  type, error, rawequal, tostring, setmetatable, ipairs, string.format, table.remove, table.unpack

local renoise = renoise
renoise.Document = Document

local function api_object(type_name, methods, getters, setters)
  local obj = {}
  setmetatable(obj, {
    __rsim_type = type_name,
    __index = function(_, k)
      local m = methods[k]
      if m ~= nil then return m end
      local g = getters[k]
      if g ~= nil then
        local v = g()
        return v
      end
      error(format("unknown property or function '%s' for an object of type '%s'", tostring(k), type_name), 2)
    end,
    __newindex = function(_, k, v)
      local s = setters[k]
      if s ~= nil then s(v) return end
      if getters[k] ~= nil or methods[k] ~= nil then
        error(format("property '%s' of an object of type '%s' is read-only", tostring(k), type_name), 2)
      end
      error(format("unknown property '%s' for an object of type '%s'", tostring(k), type_name), 2)
    end,
    __tostring = function() return type_name end,
  })
  return obj
end

local function check_self(self, expected, type_name, fname)
  if not rawequal(self, expected) then
    error(format("bad argument #1 to '%s' (%s expected, got %s); call it as %s:%s(...)",
      fname, type_name, type(self), type_name == "ScriptingTool" and "renoise.tool()" or "renoise.app()",
      fname), 3)
  end
end

---------------------------------------------------------------------------
-- renoise.tool()

local tool_methods, tool_getters, tool_setters = {}, {}, {}
local tool = api_object("ScriptingTool", tool_methods, tool_getters, tool_setters)
renoise.tool = function() return tool end

-- timers: { obj, fn, id }
local timers = {}

local function split_timer(fname, t)
  if type(t) == "function" then return nil, t end
  if type(t) == "table" and type(t[2]) == "function" and t[1] ~= nil then
    return t[1], t[2]
  end
  error(format("bad argument #1 to '%s' (function or {object, function} expected, got %s)", fname, type(t)), 3)
end

local function find_timer(obj, fn)
  for i = 1, #timers do
    local e = timers[i]
    if rawequal(e.obj, obj) and rawequal(e.fn, fn) then return i end
  end
  return nil
end

function tool_methods:add_timer(t, interval_ms)
  check_self(self, tool, "ScriptingTool", "add_timer")
  local obj, fn = split_timer("add_timer", t)
  if type(interval_ms) ~= "number" or interval_ms ~= interval_ms or interval_ms <= 0 or interval_ms == math.huge then
    error("add_timer: the interval must be a number of milliseconds > 0, got " .. tostring(interval_ms), 2)
  end
  if find_timer(obj, fn) then
    error("add_timer: this timer was already added; test has_timer() before adding", 2)
  end
  timers[#timers + 1] = { obj = obj, fn = fn, id = host.timer_start(interval_ms) }
end

function tool_methods:remove_timer(t)
  check_self(self, tool, "ScriptingTool", "remove_timer")
  local i = find_timer(split_timer("remove_timer", t))
  if i == nil then
    error("remove_timer: this timer was not added; test has_timer() before removing", 2)
  end
  host.timer_stop(timers[i].id)
  remove(timers, i)
end

function tool_methods:has_timer(t)
  check_self(self, tool, "ScriptingTool", "has_timer")
  return find_timer(split_timer("has_timer", t)) ~= nil
end

-- menu entries, keybindings, MIDI mappings: name -> entry
local function entry_kind(kind, host_added, host_removed, needs)
  local entries = {}
  local add, remove_, has = "add_" .. kind, "remove_" .. kind, "has_" .. kind
  tool_methods[add] = function(self, e)
    check_self(self, tool, "ScriptingTool", add)
    if type(e) ~= "table" then
      error(format("bad argument #1 to '%s' (table expected, got %s)", add, type(e)), 2)
    end
    if type(e.name) ~= "string" or e.name == "" then
      error(format("%s: the entry needs a name string (got %s)", add, type(e.name)), 2)
    end
    if type(e.invoke) ~= "function" then
      error(format("%s: entry '%s' needs an invoke function (got %s)", add, e.name, type(e.invoke)), 2)
    end
    if needs ~= nil then needs(add, e) end
    if entries[e.name] ~= nil then
      error(format("%s: an entry named '%s' exists already; test %s() first", add, e.name, has), 2)
    end
    entries[e.name] = { invoke = e.invoke, active = e.active, selected = e.selected }
    host_added(e.name)
  end
  tool_methods[remove_] = function(self, name)
    check_self(self, tool, "ScriptingTool", remove_)
    if entries[name] == nil then
      error(format("%s: there is no entry named '%s'; test %s() first", remove_, tostring(name), has), 2)
    end
    entries[name] = nil
    host_removed(name)
  end
  tool_methods[has] = function(self, name)
    check_self(self, tool, "ScriptingTool", has)
    return entries[name] ~= nil
  end
  return entries
end

local menu = entry_kind("menu_entry", host.menu_added, host.menu_removed)
local keys = entry_kind("keybinding", host.keybinding_added, host.keybinding_removed)
local midi_maps = entry_kind("midi_mapping", host.midi_mapping_added, host.midi_mapping_removed)

-- observables
local idle = observable.new(host.idle_notifiers)
local unload = observable.new()
local finished_loading = observable.new()
local app_observables = {
  "app_new_document_observable", "app_release_document_observable", "app_saved_document_observable",
  "app_became_active_observable", "app_resigned_active_observable",
}
tool_getters.app_idle_observable = function() return idle end
tool_getters.tool_will_unload_observable = function() return unload end
tool_getters.tool_finished_loading_observable = function() return finished_loading end
local app_obs = {}
for _, name in ipairs(app_observables) do
  local o = observable.new()
  app_obs[name] = o
  tool_getters[name] = function() return o end
end

-- file import hooks: recorded; the test invokes them by category and extension
local import_hooks = {}
local function hook_key(fname, category, extensions)
  if type(category) ~= "string" then
    error(format("bad argument to '%s' (category string expected, got %s)", fname, type(category)), 3)
  end
  if type(extensions) ~= "table" then
    error(format("bad argument to '%s' (table of extensions expected, got %s)", fname, type(extensions)), 3)
  end
  return category .. ":" .. table.concat(extensions, ",")
end
function tool_methods:add_file_import_hook(hook)
  check_self(self, tool, "ScriptingTool", "add_file_import_hook")
  if type(hook) ~= "table" then
    error("bad argument #1 to 'add_file_import_hook' (table expected, got " .. type(hook) .. ")", 2)
  end
  local key = hook_key("add_file_import_hook", hook.category, hook.extensions)
  if type(hook.invoke) ~= "function" then
    error("add_file_import_hook: the hook needs an invoke function", 2)
  end
  if import_hooks[key] ~= nil then
    error("add_file_import_hook: this hook was already added; test has_file_import_hook() first", 2)
  end
  import_hooks[key] = hook
  host.hook_added(key)
end
function tool_methods:remove_file_import_hook(category, extensions)
  check_self(self, tool, "ScriptingTool", "remove_file_import_hook")
  local key = hook_key("remove_file_import_hook", category, extensions)
  if import_hooks[key] == nil then
    error("remove_file_import_hook: there is no such hook; test has_file_import_hook() first", 2)
  end
  import_hooks[key] = nil
  host.hook_removed(key)
end
function tool_methods:has_file_import_hook(category, extensions)
  check_self(self, tool, "ScriptingTool", "has_file_import_hook")
  return import_hooks[hook_key("has_file_import_hook", category, extensions)] ~= nil
end

tool_getters.name = function() return host.tool_name end
tool_getters.id = function() return host.tool_id end
tool_getters.bundle_path = function() return host.bundle_path end

local preferences = nil
tool_getters.preferences = function() return preferences end
tool_setters.preferences = function(doc)
  if doc ~= nil and not dochost.is_document(doc) then
    error("renoise.tool().preferences must be a renoise.Document (renoise.Document.create(...) " ..
      "or a DocumentNode), got " .. type(doc), 3)
  end
  preferences = doc
  if doc ~= nil then
    local saved = host.saved_preferences_xml()
    if saved ~= nil then
      local ok, err = dochost.from_xml(doc, saved)
      host.preferences_loaded(ok, err)
    end
    host.preferences_assigned(dochost.load(doc, host.saved_preferences))
  end
end

---------------------------------------------------------------------------
-- renoise.app()

local function text_arg(fname, i, v)
  if type(v) == "number" then return tostring(v) end
  if type(v) ~= "string" then
    error(format("bad argument #%d to '%s' (string expected, got %s)", i, fname, type(v)), 3)
  end
  return v
end

local app_methods, app_getters, app_setters = {}, {}, {}
local app = api_object("Application", app_methods, app_getters, app_setters)
renoise.app = function() return app end
renoise.ApplicationWindow = host.window_constants

-- The window's userdata is made when a tool first asks for it, then kept.
local window = nil
app_getters.window = function()
  if window == nil then window = host.window() end
  return window
end

function app_methods:show_custom_dialog(title, content, key_handler, key_handler_options)
  check_self(self, app, "Application", "show_custom_dialog")
  title = text_arg("show_custom_dialog", 1, title)
  return host.custom_dialog(title, content, key_handler, key_handler_options)
end

function app_methods:show_custom_prompt(title, content, buttons, key_handler, key_handler_options)
  check_self(self, app, "Application", "show_custom_prompt")
  title = text_arg("show_custom_prompt", 1, title)
  return host.custom_prompt(title, content, buttons, key_handler, key_handler_options)
end


for _, kind in ipairs({ "message", "warning", "error", "status" }) do
  local fname = "show_" .. kind
  app_methods[fname] = function(self, msg)
    check_self(self, app, "Application", fname)
    host.message(kind, text_arg(fname, 1, msg))
  end
end

function app_methods:show_prompt(title, message, buttons)
  check_self(self, app, "Application", "show_prompt")
  title = text_arg("show_prompt", 1, title)
  message = text_arg("show_prompt", 2, message)
  if buttons == nil then buttons = { "OK" } end
  if type(buttons) ~= "table" then
    error("bad argument #3 to 'show_prompt' (table of button labels expected, got " .. type(buttons) .. ")", 2)
  end
  for i = 1, #buttons do text_arg("show_prompt", 3, buttons[i]) end
  return host.prompt(title, message, unpack(buttons, 1, #buttons))
end

function app_methods:open_url(url)
  check_self(self, app, "Application", "open_url")
  host.message("open_url", text_arg("open_url", 1, url))
end

function app_methods:open_path(path)
  check_self(self, app, "Application", "open_path")
  host.message("open_path", text_arg("open_path", 1, path))
end

local function extensions_arg(fname, exts)
  if type(exts) == "string" then return exts end
  if type(exts) ~= "table" then
    error(format("bad argument #1 to '%s' (table of file extensions expected, got %s)", fname, type(exts)), 3)
  end
  return table.concat(exts, ",")
end

function app_methods:prompt_for_path(title)
  check_self(self, app, "Application", "prompt_for_path")
  return host.file_prompt("prompt_for_path", text_arg("prompt_for_path", 1, title or ""), "")
end
function app_methods:prompt_for_filename_to_read(exts, title)
  check_self(self, app, "Application", "prompt_for_filename_to_read")
  return host.file_prompt("prompt_for_filename_to_read", text_arg("prompt_for_filename_to_read", 2, title or ""),
    extensions_arg("prompt_for_filename_to_read", exts))
end
function app_methods:prompt_for_multiple_filenames_to_read(exts, title)
  check_self(self, app, "Application", "prompt_for_multiple_filenames_to_read")
  return host.file_prompt("prompt_for_multiple_filenames_to_read",
    text_arg("prompt_for_multiple_filenames_to_read", 2, title or ""),
    extensions_arg("prompt_for_multiple_filenames_to_read", exts))
end
function app_methods:prompt_for_filename_to_write(ext, title)
  check_self(self, app, "Application", "prompt_for_filename_to_write")
  return host.file_prompt("prompt_for_filename_to_write", text_arg("prompt_for_filename_to_write", 2, title or ""),
    extensions_arg("prompt_for_filename_to_write", ext))
end

-- documents: recorded; loading or creating a song fires release, then new document
local function new_document(kind, arg)
  host.message(kind, arg or "")
  observable.fire(app_obs.app_release_document_observable)
  observable.fire(app_obs.app_new_document_observable)
end
function app_methods:new_song() check_self(self, app, "Application", "new_song") new_document("new_song") end
function app_methods:new_song_no_template()
  check_self(self, app, "Application", "new_song_no_template")
  new_document("new_song_no_template")
end
function app_methods:load_song(filename)
  check_self(self, app, "Application", "load_song")
  new_document("load_song", text_arg("load_song", 1, filename))
end
function app_methods:save_song()
  check_self(self, app, "Application", "save_song")
  host.message("save_song", "")
  observable.fire(app_obs.app_saved_document_observable)
end
function app_methods:save_song_as(filename)
  check_self(self, app, "Application", "save_song_as")
  host.message("save_song_as", text_arg("save_song_as", 1, filename))
  observable.fire(app_obs.app_saved_document_observable)
end
for _, name in ipairs({ "install_tool", "uninstall_tool" }) do
  app_methods[name] = function(self, path)
    check_self(self, app, "Application", name)
    host.message(name, text_arg(name, 1, path))
  end
end

app_getters.key_modifier_states = function() return host.key_modifier_states() end
app_getters.installed_tools = function() return host.installed_tools() end
app_getters.log_filename = function() return "" end
app_getters.current_song = function() return renoise.song() end
app_getters.recently_loaded_song_files = function() return host.recent("load_song") end
app_getters.recently_saved_song_files = function() return host.recent("save_song_as") end
local clipboard = 1
app_getters.active_clipboard_index = function() return clipboard end
app_setters.active_clipboard_index = function(i)
  if type(i) ~= "number" or i < 1 or i > 4 or i % 1 ~= 0 then
    error("active_clipboard_index: a clipboard index 1..4 is expected, got " .. tostring(i), 3)
  end
  clipboard = i
end


---------------------------------------------------------------------------
-- entry points for the host

local E = {}

function E.fire_timer(id)
  for i = 1, #timers do
    local e = timers[i]
    if e.id == id then
      if e.obj ~= nil then e.fn(e.obj) else e.fn() end
      return
    end
  end
end

function E.fire_idle() observable.fire(idle) end
function E.fire_unload() observable.fire(unload) end
function E.fire_finished_loading() observable.fire(finished_loading) end
function E.fire_app_observable(name) observable.fire(app_obs[name]) end
function E.invoke_import_hook(category, ext, path)
  for key, hook in pairs(import_hooks) do
    if hook.category == category then
      for _, e in ipairs(hook.extensions) do
        if e == ext or e == "*" then return hook.invoke(path) end
      end
    end
  end
  error("no file import hook for " .. category .. " files with extension '" .. ext .. "'", 0)
end

local function invoke(entries, name, ...)
  local e = entries[name]
  if e == nil then return "missing" end
  if e.active ~= nil and not e.active() then return "inactive" end
  e.invoke(...)
  return "invoked"
end

function E.invoke_menu(name) return invoke(menu, name) end
function E.invoke_keybinding(name) return invoke(keys, name, false) end
function E.invoke_midi_mapping(name, message) return invoke(midi_maps, name, message) end

function E.preferences_xml()
  if preferences == nil then return nil end
  return dochost.to_xml(preferences)
end

function E.preferences()
  if preferences == nil then return end
  return dochost.values(preferences)
end

return E
`;
