/** The login page's logo: the organisation's logo (or our mark), the product's name and the organisation's. */
import { ProductMark } from './ProductMark'
import { branding, PRODUCT_NAME } from './branding'
import './branding.css'

export function Logo() {
  const { organisationName, logoUrl } = branding()
  return (
    <div className="lagesbild-logo">
      {logoUrl ? <img className="lagesbild-logo__organisation" src={logoUrl} alt={organisationName ?? ''} /> : <ProductMark size={56} />}
      <div className="lagesbild-logo__names">
        <span className="lagesbild-logo__product">{PRODUCT_NAME}</span>
        {organisationName && <span className="lagesbild-logo__organisation-name">{organisationName}</span>}
      </div>
    </div>
  )
}
