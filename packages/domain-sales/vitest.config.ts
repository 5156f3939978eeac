import { digistoreProject } from "../../tooling/vitest/project";

export default digistoreProject("domain-sales");
