export { classify } from "./classify";
