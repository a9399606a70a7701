/**
 * Entry point of widget.js: defines `<vn-search>` and `<vn-related>` (once each, even if the script
 * is included twice).
 * @module
 */
import { VnSearchElement } from './element.js';
import { VnRelatedElement } from './related-element.js';

if (!customElements.get('vn-search')) customElements.define('vn-search', VnSearchElement);
if (!customElements.get('vn-related')) customElements.define('vn-related', VnRelatedElement);
