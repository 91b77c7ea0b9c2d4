"""The visitor's status page as HTML: small, self-contained, legible on a 320 px phone.

`render_page` writes the whole page; `render_main` the part that changes with the ticket
(the live stream sends it again on each change of the ticket); `moved` the place and wait
alone (sent when the queue moves). No names: the number, the concern, the place.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from server.status_texts import Text, texts
from shared.domain import Site, TicketStatus
from shared.languages import language
from shared.lifecycle import TicketAction

INK = "#111111"
PAPER = "#ffffff"
CALL_INK = "#ffffff"
CALL_PAPER = "#003d1f"
MUTED = "#3b3b3b"
ALERT_PAPER = "#fff4d6"
ALERT_INK = "#3d2600"
COLOURS = ((INK, PAPER), (CALL_INK, CALL_PAPER), (MUTED, PAPER), (ALERT_INK, ALERT_PAPER))
"""Text on background, each pair at least 7:1 (a test computes the contrast)."""

_CSS = f"""*{{box-sizing:border-box}}html{{font-family:system-ui,sans-serif;font-size:18px;\
line-height:1.4;color:{INK};background:{PAPER}}}body{{margin:0;padding:0 12px 24px;\
max-width:40rem;margin-inline:auto}}header{{display:flex;justify-content:space-between;\
align-items:center;gap:8px;padding:8px 0;border-bottom:2px solid {INK}}}a{{color:{INK}}}\
.sw,button{{font:inherit;font-weight:700;padding:10px 14px;border:2px solid {INK};\
border-radius:8px;background:{PAPER};color:{INK};text-decoration:none;min-height:48px}}\
.l{{margin:16px 0 0;color:{MUTED};font-size:1rem}}.n{{margin:0;font-size:4.2rem;\
font-weight:800;line-height:1.1}}\
.v{{margin:4px 0 0;font-weight:700;font-size:1.2rem}}.p{{font-size:3rem;font-weight:800;\
margin:0;line-height:1.1}}.m{{margin:16px 0;padding:12px;border-radius:8px;\
background:{ALERT_PAPER};color:{ALERT_INK};font-weight:700;font-size:1.15rem}}\
ul{{padding-inline-start:1.2em;margin:4px 0}}.f{{color:{MUTED};font-size:.9rem;\
margin-top:24px}}.call{{position:fixed;inset:0;z-index:9;background:{CALL_PAPER};\
color:{CALL_INK};display:flex;flex-direction:column;justify-content:center;padding:24px;\
overflow:auto}}.call p{{margin:0 0 16px}}.call .n{{color:{CALL_INK}}}.call .go{{font-size:2.1rem;\
font-weight:800;line-height:1.2}}.call .at{{font-size:1.4rem;font-weight:700}}\
.call button{{align-self:flex-start;margin-top:8px}}#ok,#snd,#off{{display:none}}\
.js #ok,.js #snd{{display:inline-block}}.js #snd[hidden],#off[hidden]{{display:none}}\
.js #off{{display:block}}[hidden]{{display:none!important}}"""

_SCRIPT = """(function(){var d=document,b=d.body,m=d.getElementById('m'),o=d.getElementById('off'),
s=d.getElementById('snd'),a=null;d.documentElement.className='js';
function beep(){if(!a)return;var t=a.currentTime;[0,.4,.8].forEach(function(x){
var g=a.createGain(),n=a.createOscillator();n.frequency.value=880;g.gain.value=.3;
n.connect(g);g.connect(a.destination);n.start(t+x);n.stop(t+x+.25);});}
s.onclick=function(){try{a=a||new(window.AudioContext||window.webkitAudioContext)();
a.resume();}catch(e){}s.hidden=true;};
m.addEventListener('click',function(e){if(e.target.id==='ok'){
var c=d.getElementById('call');if(c)c.hidden=true;}});
var url=b.getAttribute('data-events');if(!url||!window.EventSource)return;
var es=new EventSource(url);
es.onopen=function(){o.hidden=true;};es.onerror=function(){o.hidden=false;};
es.onmessage=function(e){var u=JSON.parse(e.data);o.hidden=true;
if(u.end)es.close();
if(u.html!==undefined){m.innerHTML=u.html;b.setAttribute('data-status',u.status);}
else{var p=d.getElementById('pl'),w=d.getElementById('wt');if(p)p.textContent=u.place;
if(w)w.textContent=u.wait;}
if(u.alert){if(navigator.vibrate){try{navigator.vibrate([500,200,500,200,500]);}
catch(x){}}beep();}};})();"""


ENDED = frozenset({TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.CANCELLED})
"""States after which the page no longer changes (no refresh, no stream)."""


@dataclass(frozen=True, slots=True)
class PageState:
    """What a ticket's page shows: its state, place and counter (nothing personal)."""

    ticket_id: int
    number: str
    language: str
    service_id: str
    status: TicketStatus
    position: int | None = None
    wait_minutes: float | None = None
    counter_id: str | None = None
    recalled: bool = False
    action: TicketAction | None = None


def wait_text(state: PageState, lang: str) -> str:
    """The expected wait in words."""
    words = texts(lang)
    if state.wait_minutes is None:
        return words[Text.NO_ESTIMATE]
    return words[Text.MINUTES].format(n=max(1, round(state.wait_minutes)))


def moved(state: PageState, lang: str) -> str:
    """The live message for a queue that moved: the new place and wait only."""
    place = "" if state.position is None else str(state.position)
    return json.dumps({"place": place, "wait": wait_text(state, lang)}, ensure_ascii=False)


def _para(css: str, text: str, *, tag: str = "p", extra: str = "") -> str:
    return f'<{tag} class="{css}"{extra}>{escape(text)}</{tag}>'


def _sentence(css: str, template: str, counter: str, extra: str = "") -> str:
    """A sentence with the counter's name isolated (a German name in an RTL sentence)."""
    words = escape(template).replace("{counter}", f"<bdi>{escape(counter)}</bdi>")
    return f'<p class="{css}"{extra}>{words}</p>'


def _counter_words(state: PageState, site: Site) -> tuple[str, str]:
    counter = site.counters.get(state.counter_id or "")
    if counter is None:
        return (state.counter_id or "", "")
    place = ", ".join(p for p in (counter.floor, counter.room, counter.direction) if p)
    if not place:
        place = counter.location
    return counter.name, place


def _message(state: PageState, words: Mapping[Text, str], counter: str) -> str | None:
    by_status = {
        TicketStatus.DONE: Text.DONE,
        TicketStatus.NO_SHOW: Text.NO_SHOW,
        TicketStatus.PARKED: Text.PARKED,
        TicketStatus.CANCELLED: Text.CANCELLED,
        TicketStatus.SERVING: Text.SERVING,
    }
    if state.status is TicketStatus.WAITING and state.action is TicketAction.TRANSFER:
        key: Text | None = Text.TRANSFERRED
    else:
        key = by_status.get(state.status)
    if key is None:
        return None
    return _sentence("m", words[key], counter, ' role="status"')


def render_main(state: PageState, site: Site, lang: str) -> str:
    """The changing part of the page: number, concern, state, place or call, documents."""
    words = texts(lang)
    service = site.services.get(state.service_id)
    concern = service.name(lang) if service else state.service_id
    counter, place = _counter_words(state, site)
    parts = [
        _para("l", words[Text.TICKET]),
        f'<p class="n">{escape(state.number)}</p>',
        _para("v", f"{words[Text.CONCERN]}: {concern}"),
    ]
    message = _message(state, words, counter)
    if message is not None:
        parts.append(message)
    if state.status is TicketStatus.WAITING:
        shown = "" if state.position is None else str(state.position)
        parts += [
            _para("l", words[Text.PLACE]),
            _para("p", shown, extra=' id="pl"'),
            _para("l", words[Text.WAIT]),
            _para("v", wait_text(state, lang), extra=' id="wt"'),
            _para("v", words[Text.WAITING]),
        ]
    if state.status is TicketStatus.CALLED:
        parts.append(
            '<div class="call" id="call" role="alert">'
            f'<p class="n">{escape(state.number)}</p>'
            + _sentence("go", words[Text.CALLED], counter)
            + (f'<p class="at"><bdi>{escape(place)}</bdi></p>' if place else "")
            + (_para("at", words[Text.RECALLED]) if state.recalled else "")
            + f'<button id="ok" type="button">{escape(words[Text.OK])}</button></div>'
        )
    if state.status in (TicketStatus.WAITING, TicketStatus.PARKED) and service is not None:
        documents = service.documents_in(lang)
        if documents:
            items = "".join(f"<li>{escape(d)}</li>" for d in documents)
            parts.append(_para("l", words[Text.DOCUMENTS]) + f"<ul>{items}</ul>")
    return "".join(parts)


def render_page(
    state: PageState,
    site: Site,
    *,
    lang: str,
    switch_url: str,
    events_url: str,
    refresh_seconds: int,
    nonce: str,
) -> str:
    """The whole page in `lang`, with a switch to German (or back) and the live script."""
    words = texts(lang)
    own = language(lang)
    other = language("de" if lang != "de" else state.language)
    direction = "rtl" if own.rtl else "ltr"
    live_refresh = (
        ""
        if state.status in ENDED
        else (f'<noscript><meta http-equiv="refresh" content="{refresh_seconds}"></noscript>')
    )
    return (
        f'<!DOCTYPE html><html lang="{own.code}" dir="{direction}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{escape(state.number)} · {escape(site.name)}</title>{live_refresh}"
        f'<style nonce="{nonce}">{_CSS}</style></head>'
        f'<body data-status="{state.status.value}" data-events="{escape(events_url)}">'
        f"<header><span>{escape(site.name)}</span>"
        f'<a class="sw" lang="{other.code}" href="{escape(switch_url)}">{escape(other.name)}</a>'
        f'</header><main id="m">{render_main(state, site, lang)}</main>'
        f'<p id="off" class="m" role="status" hidden>{escape(words[Text.OFFLINE])}</p>'
        f'<button id="snd" type="button">{escape(words[Text.SOUND])}</button>'
        f'<p class="f">{escape(words[Text.LIVE])}</p>'
        f'<script nonce="{nonce}">{_SCRIPT}</script></body></html>'
    )
