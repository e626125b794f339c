import { expect, type Page } from "@playwright/test";

/** Classic XSS payloads (50), typed into every text field and display name by the XSS tests. */
export const payloads = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "<svg/onload=alert(1)>",
  "javascript:alert(1)",
  '<a href="javascript:alert(1)">clic</a>',
  "<iframe src=javascript:alert(1)>",
  "<body onload=alert(1)>",
  "<input autofocus onfocus=alert(1)>",
  "<details open ontoggle=alert(1)>",
  "<video><source onerror=alert(1)>",
  "<audio src=x onerror=alert(1)>",
  "'-alert(1)-'",
  '";alert(1);//',
  "</script><script>alert(1)</script>",
  "<scr<script>ipt>alert(1)</script>",
  "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  "<object data=javascript:alert(1)>",
  "<embed src=javascript:alert(1)>",
  "<marquee onstart=alert(1)>",
  '<div style="background:url(javascript:alert(1))">',
  "{{constructor.constructor('alert(1)')()}}",
  "${alert(1)}",
  "<form action=javascript:alert(1)><button>x</button></form>",
  "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
  "<base href=javascript:alert(1)//>",
  "<link rel=import href=data:text/html,<script>alert(1)</script>>",
  "<select onfocus=alert(1) autofocus>",
  "<textarea onfocus=alert(1) autofocus>",
  "<keygen onfocus=alert(1) autofocus>",
  "<isindex type=image src=1 onerror=alert(1)>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
  "<x onclick=alert(1)>clic</x>",
  '<img src="x" onerror="alert(1)">',
  "<svg><script>alert(1)</script></svg>",
  "<style>@import 'javascript:alert(1)';</style>",
  "<table background=javascript:alert(1)>",
  '<a href="jAvAsCrIpT:alert(1)">clic</a>',
  '<a href="&#106;avascript:alert(1)">clic</a>',
  "<img src=x:alert(1) onerror=eval(src)>",
  '<svg><a xlink:href="javascript:alert(1)"><text x=20 y=20>clic</text></a></svg>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<template><img src=x onerror=alert(1)></template>",
  "<button formaction=javascript:alert(1)>x</button>",
  "<img srcset=x onerror=alert(1)>",
  "<body onpageshow=alert(1)>",
  "[clic](javascript:alert(1))",
  "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
];

/** No event-handler attribute, no injected element, no javascript: link anywhere in the DOM. */
export async function checkInert(p: Page) {
  const dangerous = await p.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      handlers: all
        .filter((el) => [...el.attributes].some((a) => a.name.toLowerCase().startsWith("on")))
        .map((el) => el.outerHTML.slice(0, 80)),
      // Next's own flight data (JSON strings inside self.__next_f.push) may carry the text, escaped; no other script may.
      scripts: [...document.scripts].filter((s) => {
        const text = s.textContent ?? "";
        return text.includes("alert(1)") && !/^\s*\(?self\.__next_f/.test(text);
      }).length,
      flightBreakouts: [...document.scripts].filter((s) => /<\/script|<script>alert/i.test(s.textContent ?? "")).length,
      jsLinks: [...document.querySelectorAll("a[href], iframe[src], object[data], embed[src]")].filter((el) =>
        /javascript:/i.test(el.getAttribute("href") ?? el.getAttribute("src") ?? el.getAttribute("data") ?? ""),
      ).length,
      injected: document.querySelectorAll(
        // A closed <details> is the app's own disclosure (earlier versions of a text); the payload's is open.
        "main svg[onload], main img[src='x'], main iframe, main object, main embed, main marquee, main x, main details[open], main video, main audio",
      ).length,
    };
  });
  expect(dangerous).toEqual({ handlers: [], scripts: 0, flightBreakouts: 0, jsLinks: 0, injected: 0 });
}
