import { describe, expect, it } from "vitest";
import { press, renderText, select, slide, toggle, typeInto, ViewBuilder, ViewError, within } from "../../src/index.js";

describe("views: testing-library style queries and user actions", () => {
  const build = () => {
    const vb = new ViewBuilder();
    const log: string[] = [];
    const root = vb.column(
      { margin: 4 },
      vb.text({ id: "status", text: "stopped" }),
      vb.button({ text: "Start", notifier: () => (vb.views.status!.text = "running") }),
      vb.button({ text: "Hidden", visible: false }),
      vb.checkbox({ id: "loud", notifier: (v: boolean) => log.push(`loud ${v}`) }),
      vb.popup({ id: "mode", items: ["UDP", "TCP"], notifier: (i: number) => log.push(`mode ${i}`) }),
      vb.textfield({ id: "port", value: "8000", notifier: (s: string) => log.push(`port ${s}`) }),
      vb.slider({ id: "vol", min: 0, max: 10, notifier: (v: number) => log.push(`vol ${v}`) }),
      vb.button({ text: "Off", active: false }),
    );
    return { vb, root, log };
  };

  it("finds views by id and by visible text, only among shown views", () => {
    const { root } = build();
    const q = within(root);
    expect(q.getByText("Start").ctor).toBe("button");
    expect(q.queryByText("Hidden")).toBeUndefined();
    expect(q.getById("mode").get("items")).toEqual(["UDP", "TCP"]);
    expect(q.getByText("UDP").id).toBe("mode"); // a popup reads as its selected item
    expect(() => q.getByText("Nope")).toThrow(/no view with text "Nope"/);
  });

  it("press, toggle, select, type and slide fire the notifiers", () => {
    const { root, log } = build();
    const q = within(root);
    press(q.getByText("Start"));
    expect(q.getById("status").get("text")).toBe("running");
    toggle(q.getById("loud"));
    select(q.getById("mode"), "TCP");
    typeInto(q.getById("port"), "9000");
    slide(q.getById("vol"), 42); // clamped like a drag
    expect(log).toEqual(["loud true", "mode 2", "port 9000", "vol 10"]);
  });

  it("refuses actions a user could not take", () => {
    const { root } = build();
    const q = within(root);
    expect(() => press(q.getByText("Off"))).toThrow(ViewError);
    expect(() => press(q.getByText("Off"))).toThrow(/not active/);
    expect(() => toggle(q.getByText("Start"))).toThrow(/toggle works on checkbox/);
    expect(() => select(q.getById("mode"), "SCTP")).toThrow(/has no item "SCTP"/);
  });

  it("renders the tree as readable text", () => {
    const { root } = build();
    expect(renderText(root)).toBe(
      [
        "column",
        '  text #status "stopped"',
        "  button [Start]",
        "  checkbox #loud [ ]",
        "  popup #mode (UDP) | TCP",
        '  textfield #port "8000"',
        "  slider #vol 0 [0..10]",
        "  button [Off] (inactive)",
      ].join("\n"),
    );
  });
});
