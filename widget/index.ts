/**
 * Entry point of widget.js: defines `<vn-search>` (once, even if the script is included twice).
 * @module
 */
import { VnSearchElement } from './element.js';

if (!customElements.get('vn-search')) customElements.define('vn-search', VnSearchElement);
