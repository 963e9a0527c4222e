/**
 * The custom menu an operator installs on the account (POST it to cgi-bin/menu/create): one
 * CLICK button per flow. A click arrives as an event whose EventKey names the flow (inbound.ts).
 */
import { wechatMessages as m } from "../../messages/wechat.ts";
import { MENU_KEYS } from "./inbound.ts";

export function customMenu(): { button: { type: "click"; name: string; key: string }[] } {
  return {
    button: (Object.keys(MENU_KEYS) as (keyof typeof MENU_KEYS)[]).map((key) => ({ type: "click", name: m.menu[key], key })),
  };
}
