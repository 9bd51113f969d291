// swagger2openapi ships no types; this is the one call the project makes.
declare module "swagger2openapi" {
  const converter: {
    convertObj(document: object, options: { patch?: boolean; warnOnly?: boolean }): Promise<{ openapi: object }>;
  };
  export default converter;
}
