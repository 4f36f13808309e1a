export declare const CITEPROC_LOCALE: string;
export declare const CITEPROC_CALL_ID: string;
export function citeprocHtml(item: object, template: string): string | undefined;
export function citeprocHtmls(items: ReadonlyArray<{ id: string }>, template: string): Array<string | undefined>;
export function singleItemStyle(xml: string): string;
export function registerTemplates(templates: Record<string, string>): void;
export function citeprocInputs(template: string): { style: string | undefined; locale: string | undefined };
