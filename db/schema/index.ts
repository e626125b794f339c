export * from "./plan";
export * from "./councils";
export * from "./meetings";
export * from "./accounts";
export * from "./contributions";
export * from "./progress";
export * from "./retention";
export * from "./scans";
