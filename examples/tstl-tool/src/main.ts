import { start } from "./echo";

const err = start(8000);
if (err !== undefined) renoise.app().show_error("echo tool: " + err);
