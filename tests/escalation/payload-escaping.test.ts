import { describe, expect, it } from "vitest";
import { slackPayload, type Notice } from "@/lib/escalation/payload";

// Finding 12 of the security review: the top-level `text` carried the customer's `<!channel>`
// and `<url|label>` markup unescaped, so a comment could ping a whole Slack channel.
describe("Slack-compatible payloads", () => {
  it("escape the receiver's markup in every text field", () => {
    process.env.REPLYHOUR_URL = "https://replyhour.example";
    const notice: Notice = {
      event: "escalation.created",
      brand: { id: 1, slug: "air", name: "Air & <Sea>" },
      rule: { id: 2, name: "<!here> rule" },
      escalation: { id: 3, level: 1 },
      conversation: { id: 4, preview: "<!channel> click <https://evil.example|your refund> & more", channelKind: "facebook", kind: "public_comment" },
      cues: ["keyword: <@U123>"],
      at: Date.UTC(2026, 0, 1),
    };
    const payload = slackPayload(notice) as { text: string; blocks: { text?: { text: string }; elements?: { text: string }[] }[] };
    const texts = [payload.text, ...payload.blocks.flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)]).filter((t): t is string => !!t)];
    for (const text of texts) {
      expect(text).not.toMatch(/<!channel>|<!here>|<@U123>|<https:\/\/evil/);
    }
    expect(payload.text).toContain("&lt;!channel&gt;");
    expect(payload.text).toContain("Air &amp; &lt;Sea&gt;");
    // Our own link is the only markup left.
    expect(payload.blocks[1].elements![0].text).toContain("<https://replyhour.example/inbox?brand=air&c=4|Open in Replyhour>");
  });
});
