"""The display's own endpoint: which counters it shows, its sounds and the info texts."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from server.api.context import AppContext, context
from server.api.models import error_responses
from server.auth import Endpoint, require
from server.store import Principal
from shared.config import OfficeConfig
from shared.display_setup import CounterPlace, DisplaySetup, InfoTexts
from shared.domain import Counter, Site

router = APIRouter(responses=error_responses(401, 403))


def _place(counter: Counter) -> CounterPlace:
    return CounterPlace(
        id=counter.id,
        name=counter.name,
        location=counter.location,
        floor=counter.floor,
        room=counter.room,
        direction=counter.direction,
    )


def display_setup(site: Site, config: OfficeConfig | None, device_name: str) -> DisplaySetup:
    """The setup of the display device of this name (every counter when no entry matches)."""
    entry = config.display_for_device(device_name) if config else None
    ids = entry.counters if entry else tuple(site.counters)
    info = config.info if config else None
    return DisplaySetup(
        display_id=entry.id if entry else None,
        name=entry.name if entry else device_name,
        site_name=site.name,
        timezone=site.timezone,
        counters=tuple(_place(site.counters[i]) for i in ids if i in site.counters),
        chime=entry.chime if entry else True,
        announce=entry.announce if entry else True,
        info_seconds=info.seconds if info else 8.0,
        info=tuple(
            InfoTexts(language=lang, texts=texts)
            for lang in site.languages
            if (texts := (info.texts.get(lang) if info else None))
        ),
    )


def counters_shown(config: OfficeConfig | None, device_name: str) -> frozenset[str] | None:
    """The counters whose calls go to this display device (None: all of them)."""
    entry = config.display_for_device(device_name) if config else None
    return frozenset(entry.counters) if entry else None


@router.get("/display")
async def display(
    ctx: Annotated[AppContext, Depends(context)],
    principal: Annotated[Principal, Depends(require(Endpoint.DISPLAY_SETUP))],
) -> DisplaySetup:
    """The calling display's setup: its counters and where they are, sounds, info texts."""
    return display_setup(ctx.site, ctx.office, principal.name)
