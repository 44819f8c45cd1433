"""Which address students should use: with --listen 0.0.0.0 the server answers on every
interface, so say which one the join link uses, and list the others."""

from __future__ import annotations

import socket
from dataclasses import dataclass


@dataclass(frozen=True)
class Interface:
    name: str
    address: str


def interfaces() -> list[Interface]:
    """Every IPv4 address of this machine but loopback, by interface (ifaddr)."""
    import ifaddr

    found = []
    for adapter in ifaddr.get_adapters():
        for ip in adapter.ips:
            if isinstance(ip.ip, str) and not ip.ip.startswith("127."):
                found.append(Interface(adapter.nice_name, ip.ip))
    return found


def default_route_address() -> str | None:
    """The address this machine would send from to reach the wider network."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.255.255.255", 1))  # no packet is sent; this picks the route
        return probe.getsockname()[0]
    except OSError:
        return None
    finally:
        probe.close()


def public_host(listen: str) -> tuple[str, list[str]]:
    """The host for the join link, and lines that explain the choice to the teacher."""
    if listen not in ("0.0.0.0", "::", ""):
        return listen, []
    try:
        known = interfaces()
    except Exception:  # noqa: BLE001 - listing interfaces is a courtesy, never fatal
        known = []
    chosen = default_route_address()
    if chosen is None:
        chosen = known[0].address if known else "127.0.0.1"
    name = next((each.name for each in known if each.address == chosen), None)
    lines = [f"Listening on every interface; the join link uses {chosen}"
             + (f" ({name}), the default route's interface." if name else ".")]
    others = [f"{each.address} ({each.name})" for each in known if each.address != chosen]
    if others:
        lines.append("If students cannot reach it, try another: " + ", ".join(others) + ".")
    lines.append("A firewall on this machine must let students' devices in on that port.")
    return chosen, lines
