/**
 * The page's stylesheet and its one small script, served as files (the CSP allows no inline
 * script or style), each under a name that changes with its content so browsers may keep it.
 * Mobile first: one column, 375 px wide is the main case, sizes in rem so a large system
 * font makes everything larger. No web fonts: the system's Chinese font is used.
 */
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";

const CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;color:#1a202c;background:#f4f5f7}
a{color:#1a56a8;text-underline-offset:2px}
a:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
header{background:#1b4f72;color:#fff;padding:.75rem 1rem}
header h1{margin:0;font-size:1.35rem;line-height:1.3}
header p{margin:.25rem 0 0;font-size:.95rem;opacity:.95}
main{max-width:40rem;margin:0 auto;padding:.75rem .75rem 2rem}
.vh{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
#log{display:flex;flex-direction:column;gap:.6rem}
.m{padding:.6rem .8rem;border-radius:.75rem;max-width:100%;overflow-wrap:anywhere}
.m p{margin:.25rem 0}
.m ul,.m ol{margin:.25rem 0;padding-left:1.3rem}
.m li{margin:.15rem 0}
.bot{background:#fff;border:1px solid #d5d9e0;align-self:flex-start}
.me{background:#d9ecff;align-self:flex-end;max-width:90%}
.src{font-size:.95rem}
.bill{margin:.5rem 0 .25rem}
.bill>svg{display:block;width:100%;height:auto;max-width:30rem}
.bill .bill-total{font-weight:700;margin:.25rem 0 .4rem}
.bill .legend{list-style:none;margin:.5rem 0 0;padding:0;max-width:30rem}
.bill .legend li{display:flex;flex-wrap:wrap;align-items:baseline;column-gap:.5rem;margin:.2rem 0}
.legend .amt{margin-left:auto;white-space:nowrap}
.legend .own .amt{font-weight:700}
.sw{width:.85em;height:.85em;vertical-align:-.05em;margin-right:.45em}
.notice,#status:not(:empty){background:#fff4d6;border-left:4px solid #b7791f;padding:.5rem .75rem;margin:.6rem 0}
.choices{display:flex;flex-wrap:wrap;gap:.5rem;margin:.75rem 0}
button{font:inherit;cursor:pointer;border-radius:.5rem;min-height:2.75rem;padding:.45rem .9rem}
.choices button{background:#fff;color:#1b4f72;border:2px solid #1b4f72;text-align:left}
.say{margin:.75rem 0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:flex-end}
.say label{flex:1 0 100%;font-weight:600}
.say button{flex:none;margin-left:auto}
textarea{font:inherit;flex:1 1 12em;min-width:0;min-height:3.2rem;field-sizing:content;max-height:50vh;padding:.5rem .6rem;border:2px solid #5a6472;border-radius:.5rem;resize:vertical;background:#fff;color:inherit}
.say button{background:#1b4f72;color:#fff;border:2px solid #1b4f72;font-weight:600}
.tools{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}
.tools form{margin:0}
.tools button{background:#fff;border:2px solid #5a6472;color:#1a202c}
.tools .danger{border-color:#9b2c2c;color:#9b2c2c}
.small{font-size:.9rem;color:#3d4550}
.back{display:inline-block;padding:.7rem 0;min-height:2.75rem}
[aria-busy=true] .say button{opacity:.6}
.summary h2{font-size:1.15rem;margin:1rem 0 .25rem}
@media print{header{background:none;color:#000;padding:0}.tools,.say,.choices,.noprint{display:none}body{background:#fff}.m{border:none;padding:0}a[href^="http"]::after{content:" (" attr(href) ")";font-size:.85em;overflow-wrap:anywhere}}
`;

const JS = `(function(){
"use strict";
var log=document.getElementById("log"),say=document.getElementById("say"),slot=document.getElementById("choices-slot"),status=document.getElementById("status");
if(!log||!say||!slot||!window.fetch||!window.URLSearchParams||!window.FormData)return;
var busy=false,DRAFT="yidi-draft";
function field(){return document.getElementById("msg")}
// A message refused because the page was stale (its session erased in another tab, a restarted
// server) comes back in the field of the fresh page, to be sent again.
try{var kept=sessionStorage.getItem(DRAFT);if(kept!==null){sessionStorage.removeItem(DRAFT);if(!field().value)field().value=kept}}catch(e){}
function send(form,submitter){
 if(busy)return;
 var data=new URLSearchParams();
 new FormData(form).forEach(function(v,k){if(typeof v==="string")data.append(k,v)});
 if(submitter&&submitter.name)data.append(submitter.name,submitter.value);
 if(form===say&&!(field().value||"").trim()){status.textContent=say.getAttribute("data-empty");return}
 busy=true;document.body.setAttribute("aria-busy","true");status.textContent=say.getAttribute("data-sending");
 fetch(form.action,{method:"POST",credentials:"same-origin",headers:{"accept":"application/json","content-type":"application/x-www-form-urlencoded"},body:data.toString()})
 .then(function(r){return r.json()})
 .then(function(j){
  if(j.reload){try{if(form===say)sessionStorage.setItem(DRAFT,field().value)}catch(e){}location.replace("/?n=expired#status");return}
  var before=log.children.length;
  if(j.html)log.insertAdjacentHTML("beforeend",j.html);
  slot.innerHTML=j.choices||"";
  status.textContent=j.notice||"";
  if(form===say&&j.ok)field().value="";
  var first=log.children[before];
  if(first&&first.scrollIntoView)first.scrollIntoView({block:"start"});
  var b=slot.querySelector("button");
  if(form!==say&&b)b.focus();else field().focus({preventScroll:true});
 })
 .catch(function(){status.textContent=say.getAttribute("data-failed")})
 .then(function(){busy=false;document.body.removeAttribute("aria-busy")});
}
document.addEventListener("submit",function(e){
 var f=e.target;if(!f||!f.hasAttribute||!f.hasAttribute("data-js"))return;
 e.preventDefault();send(f,e.submitter||document.activeElement);
});
field().addEventListener("keydown",function(e){
 if(e.key==="Enter"&&!e.shiftKey&&!e.isComposing){e.preventDefault();send(say,say.querySelector("button"))}
});
})();
`;

export interface Asset {
  path: string;
  type: string;
  body: Buffer;
  gzip: Buffer;
}

function asset(name: string, ext: string, type: string, text: string): Asset {
  const body = Buffer.from(text.trim() + "\n");
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 10);
  return { path: `/static/${name}.${hash}.${ext}`, type, body, gzip: gzipSync(body, { level: 9 }) };
}

export const css = asset("chat", "css", "text/css; charset=utf-8", CSS);
export const js = asset("chat", "js", "text/javascript; charset=utf-8", JS);
