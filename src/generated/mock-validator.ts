// Generated from spec/zoom-im-groups.openapi.yaml by scripts/generate.ts — do not edit. Run `npm run generate`.
// @ts-nocheck: Ajv's standalone code is plain JavaScript; the exports at the end are typed.

function codePointLength(text) {
  let length = 0;
  for (const _ of text) length++;
  return length;
}

// multipart/form-data: text coerced to the schema's types
const validate0 = (() => {
const schema11 = {"type":"object","description":"The fields of a new IM directory group.","required":["name"],"additionalProperties":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021","zoom-reference"],"required":["zoom-v1-errors","decision:name-is-required-1-128-characters"],"additionalProperties":["decision:unknown-fields-are-refused-additionalproperties-false"]},"properties":{"name":{"type":"string","minLength":1,"maxLength":128,"pattern":"^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$","x-pattern-message":"must not contain control characters such as line breaks or tabs, or lone surrogates","x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021","zoom-reference"],"minLength":["decision:name-is-required-1-128-characters"],"maxLength":["zoom-swagger-2018","zoom-marketplace-2021"],"pattern":["decision:names-refuse-control-characters"]},"description":"The group's name, unique within the account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n","example":"Design team"},"type":{"type":"string","enum":["normal","shared","restricted"],"default":"normal","x-enumDescriptions":{"normal":"Members see one another; people outside the group can still search for its members.","shared":"Everyone in the account sees the group's members.","restricted":"Only members see the group and can search for its members.","x-source":["decision:enum-values-have-short-help-in-the-project-s-own-words"]},"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"enum":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["zoom-swagger-2018","zoom-marketplace-2021"]},"description":"Who sees the group and can search for its members.","example":"normal"},"search_by_domain":{"type":"boolean","default":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["decision:the-three-booleans-default-to-false"]},"description":"Whether members can find others whose email is in the same domain.","example":false},"search_by_account":{"type":"boolean","default":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["decision:the-three-booleans-default-to-false"]},"description":"Whether members can find others in the same account.","example":true},"search_by_ma_account":{"type":"boolean","default":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["decision:the-three-booleans-default-to-false"]},"description":"Whether members can find others in the same master account, sub accounts included.","example":false}}};
const func2 = codePointLength;
const pattern0 = new RegExp("^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "type")) || (key0 === "search_by_domain")) || (key0 === "search_by_account")) || (key0 === "search_by_ma_account"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 !== "string"){
let dataType0 = typeof data0;
let coerced0 = undefined;
if(!(coerced0 !== undefined)){
if(dataType0 == "number" || dataType0 == "boolean"){
coerced0 = "" + data0;
}
else if(data0 === null){
coerced0 = "";
}
else {
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(coerced0 !== undefined){
data0 = coerced0;
if(data !== undefined){
data["name"] = coerced0;
}
}
}
if(typeof data0 === "string"){
if(func2(data0) > 128){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(func2(data0) < 1){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
if(!pattern0.test(data0)){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$"},message:"must match pattern \""+"^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$"+"\""};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
if(data.type !== undefined){
let data1 = data.type;
if(typeof data1 !== "string"){
let dataType1 = typeof data1;
let coerced1 = undefined;
if(!(coerced1 !== undefined)){
if(dataType1 == "number" || dataType1 == "boolean"){
coerced1 = "" + data1;
}
else if(data1 === null){
coerced1 = "";
}
else {
const err6 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(coerced1 !== undefined){
data1 = coerced1;
if(data !== undefined){
data["type"] = coerced1;
}
}
}
if(!(((data1 === "normal") || (data1 === "shared")) || (data1 === "restricted"))){
const err7 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.search_by_domain !== undefined){
let data2 = data.search_by_domain;
if(typeof data2 !== "boolean"){
let coerced2 = undefined;
if(!(coerced2 !== undefined)){
if(data2 === "false" || data2 === 0 || data2 === null){
coerced2 = false;
}
else if(data2 === "true" || data2 === 1){
coerced2 = true;
}
else {
const err8 = {instancePath:instancePath+"/search_by_domain",schemaPath:"#/properties/search_by_domain/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(coerced2 !== undefined){
data2 = coerced2;
if(data !== undefined){
data["search_by_domain"] = coerced2;
}
}
}
}
if(data.search_by_account !== undefined){
let data3 = data.search_by_account;
if(typeof data3 !== "boolean"){
let coerced3 = undefined;
if(!(coerced3 !== undefined)){
if(data3 === "false" || data3 === 0 || data3 === null){
coerced3 = false;
}
else if(data3 === "true" || data3 === 1){
coerced3 = true;
}
else {
const err9 = {instancePath:instancePath+"/search_by_account",schemaPath:"#/properties/search_by_account/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(coerced3 !== undefined){
data3 = coerced3;
if(data !== undefined){
data["search_by_account"] = coerced3;
}
}
}
}
if(data.search_by_ma_account !== undefined){
let data4 = data.search_by_ma_account;
if(typeof data4 !== "boolean"){
let coerced4 = undefined;
if(!(coerced4 !== undefined)){
if(data4 === "false" || data4 === 0 || data4 === null){
coerced4 = false;
}
else if(data4 === "true" || data4 === 1){
coerced4 = true;
}
else {
const err10 = {instancePath:instancePath+"/search_by_ma_account",schemaPath:"#/properties/search_by_ma_account/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(coerced4 !== undefined){
data4 = coerced4;
if(data !== undefined){
data["search_by_ma_account"] = coerced4;
}
}
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}
return validate10;
})();

// application/json
const validate1 = (() => {
const schema11 = {"type":"object","description":"The fields of a new IM directory group.","required":["name"],"additionalProperties":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021","zoom-reference"],"required":["zoom-v1-errors","decision:name-is-required-1-128-characters"],"additionalProperties":["decision:unknown-fields-are-refused-additionalproperties-false"]},"properties":{"name":{"type":"string","minLength":1,"maxLength":128,"pattern":"^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$","x-pattern-message":"must not contain control characters such as line breaks or tabs, or lone surrogates","x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021","zoom-reference"],"minLength":["decision:name-is-required-1-128-characters"],"maxLength":["zoom-swagger-2018","zoom-marketplace-2021"],"pattern":["decision:names-refuse-control-characters"]},"description":"The group's name, unique within the account.\n\nRequired by this client: no Zoom v2 description marks it required, but Zoom's v1 error table lists\n\"300 Missing field: name\" for this call and a group without a name cannot be told apart from others.\n","example":"Design team"},"type":{"type":"string","enum":["normal","shared","restricted"],"default":"normal","x-enumDescriptions":{"normal":"Members see one another; people outside the group can still search for its members.","shared":"Everyone in the account sees the group's members.","restricted":"Only members see the group and can search for its members.","x-source":["decision:enum-values-have-short-help-in-the-project-s-own-words"]},"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"enum":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["zoom-swagger-2018","zoom-marketplace-2021"]},"description":"Who sees the group and can search for its members.","example":"normal"},"search_by_domain":{"type":"boolean","default":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["decision:the-three-booleans-default-to-false"]},"description":"Whether members can find others whose email is in the same domain.","example":false},"search_by_account":{"type":"boolean","default":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["decision:the-three-booleans-default-to-false"]},"description":"Whether members can find others in the same account.","example":true},"search_by_ma_account":{"type":"boolean","default":false,"x-source":{"type":["postman","zoom-swagger-2018","zoom-marketplace-2021"],"default":["decision:the-three-booleans-default-to-false"]},"description":"Whether members can find others in the same master account, sub accounts included.","example":false}}};
const func2 = codePointLength;
const pattern0 = new RegExp("^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$", "u");

function validate10(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.name === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'"};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((key0 === "name") || (key0 === "type")) || (key0 === "search_by_domain")) || (key0 === "search_by_account")) || (key0 === "search_by_ma_account"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties"};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.name !== undefined){
let data0 = data.name;
if(typeof data0 === "string"){
if(func2(data0) > 128){
const err2 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/maxLength",keyword:"maxLength",params:{limit: 128},message:"must NOT have more than 128 characters"};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(func2(data0) < 1){
const err3 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters"};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(!pattern0.test(data0)){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/pattern",keyword:"pattern",params:{pattern: "^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$"},message:"must match pattern \""+"^[^\\x00-\\x1F\\x7F-\\x9F\\uD800-\\uDFFF]*$"+"\""};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/properties/name/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.type !== undefined){
let data1 = data.type;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string"};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(((data1 === "normal") || (data1 === "shared")) || (data1 === "restricted"))){
const err7 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema11.properties.type.enum},message:"must be equal to one of the allowed values"};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.search_by_domain !== undefined){
if(typeof data.search_by_domain !== "boolean"){
const err8 = {instancePath:instancePath+"/search_by_domain",schemaPath:"#/properties/search_by_domain/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.search_by_account !== undefined){
if(typeof data.search_by_account !== "boolean"){
const err9 = {instancePath:instancePath+"/search_by_account",schemaPath:"#/properties/search_by_account/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.search_by_ma_account !== undefined){
if(typeof data.search_by_ma_account !== "boolean"){
const err10 = {instancePath:instancePath+"/search_by_ma_account",schemaPath:"#/properties/search_by_ma_account/type",keyword:"type",params:{type: "boolean"},message:"must be boolean"};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
}
else {
const err11 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object"};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
validate10.errors = vErrors;
return errors === 0;
}
return validate10;
})();

/** One of Ajv's errors: where (a JSON pointer), which rule, its parameters and Ajv's message. */
export interface MockValidationError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

/** True when the body keeps the spec's rules; otherwise `errors` says how it does not. */
export type MockValidator = ((body: unknown) => boolean) & { errors?: MockValidationError[] | null };

/** The request body's validator for each media type the spec documents. */
export const validators = {
  "multipart/form-data": validate0 as MockValidator,
  "application/json": validate1 as MockValidator,
};

/** The spec's own words (`x-pattern-message`) for a field's `pattern`, in place of Ajv's regular expression. */
export const patternMessages: Record<string, string> = {
  "name": "must not contain control characters such as line breaks or tabs, or lone surrogates"
};
