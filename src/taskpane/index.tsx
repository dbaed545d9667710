// Entry of the task pane (webpack builds taskpane.html around it). Everything it decides is in boot.tsx.
import { start } from "./boot";

void start();
