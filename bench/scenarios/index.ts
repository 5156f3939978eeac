import type { Scenario } from "../lib/scenario";
import { catalog } from "./catalog";
import { foundation } from "./foundation";
import { login } from "./login";

/** Every scenario `npm run bench` knows, in the order they run by default. */
export const scenarios: Scenario[] = [foundation, login, catalog];
