export { default } from "@digistore/eslint-config";
