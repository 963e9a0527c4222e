/**
 * The WeChat channel for a server entry point. Read the settings first (a bad one ends the start
 * with one line), then mount the routes they give (none when WECHAT_TOKEN is unset):
 *
 *   const wechat = readWechatConfig();
 *   if (!wechat.ok) { process.stderr.write(`${wechat.message}\n`); process.exit(1); }
 *   …
 *   await buildServer({ …, plugins: [...wechatRoutes(wechat.config, { store, log })] });
 */
import type { FastifyPluginAsync } from "fastify";
import type { Logger } from "../../log.ts";
import type { ConversationStore } from "../../conversation/index.ts";
import { readWechatConfig, type WechatConfig } from "./config.ts";
import { wechatPlugin, type WechatPluginOptions } from "./plugin.ts";

export { readWechatConfig, wechatPlugin };
export type { WechatConfig, WechatPluginOptions };

export type WechatRoute = { plugin: FastifyPluginAsync<WechatPluginOptions>; options: WechatPluginOptions };

export function wechatRoutes(config: WechatConfig | undefined, o: { store: ConversationStore; log: Logger }): WechatRoute[] {
  return config ? [{ plugin: wechatPlugin as FastifyPluginAsync<WechatPluginOptions>, options: { config, store: o.store, log: o.log } }] : [];
}
