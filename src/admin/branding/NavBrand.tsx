/** The top of the navigation: the organisation's logo (or our mark), the product's name and the organisation's. */
import { ProductMark } from './ProductMark'
import { branding, PRODUCT_NAME } from './branding'
import './branding.css'

export function NavBrand() {
  const { organisationName, logoUrl } = branding()
  return (
    <div className="lagesbild-nav-brand">
      {logoUrl ? <img className="lagesbild-nav-brand__logo" src={logoUrl} alt="" /> : <ProductMark size={28} />}
      <div className="lagesbild-nav-brand__names">
        <span className="lagesbild-nav-brand__product">{PRODUCT_NAME}</span>
        {organisationName && <span className="lagesbild-nav-brand__organisation">{organisationName}</span>}
      </div>
    </div>
  )
}
