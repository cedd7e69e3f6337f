/** Text made safe inside an XML element or a double-quoted attribute: the feed's and the sitemap's. */
export const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
