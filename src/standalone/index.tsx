// Entry of the standalone page (check/index.html): no Office.js, so nothing waits on Microsoft's CDN.
import { startStandalone } from "./start";
import { registerOffline } from "./offline";

const root = document.getElementById("root") ?? document.body.appendChild(document.createElement("div"));
startStandalone(root, { context: "site", lang: "vi", offline: registerOffline() });
